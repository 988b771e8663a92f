import { foldText, words } from './text.ts';

/**
 * What a track title says beyond its name: the version (remix, live, edit...) that must agree
 * between Discogs and SoundCloud, the featured guests, and decorations that mean nothing
 * ("Remastered 2011", "[HQ]", "(1975)", "Official Audio").
 */
export type Qualifier =
  | 'remix'
  | 'live'
  | 'edit'
  | 'version'
  | 'instrumental'
  | 'acoustic'
  | 'demo'
  | 'extended'
  | 'cover'
  | 'altered';

export interface ParsedTitle {
  /** The folded name without decorations, qualifiers or a leading "Artist - ". */
  base: string;
  qualifiers: ReadonlySet<Qualifier>;
  /** Folded words of the qualifier texts ("dj x remix" → dj, x), to tell two remixes apart. */
  qualifierWords: ReadonlySet<string>;
  featured: string[];
  /** The "Artist" of an "Artist - Title" upload, when one was removed. */
  prefix: string | null;
  /**
   * The folded text after the first " - " when the part before it names nobody known: an upload
   * titled "Tatsuro Yamashita - Title" where only "山下達郎" is known. Null without a dash.
   */
  afterDash: string | null;
}

const QUALIFIER_RULES: readonly [Qualifier, RegExp][] = [
  ['remix', /\b(remix(ed)?|rmx|rework|bootleg|re-?edit|vip|dub)\b/],
  ['live', /\b(live|in concert|unplugged)\b/],
  ['edit', /\b(edit|radio version|single version|short version)\b/],
  ['instrumental', /\b(instrumental|karaoke|backing track)\b/],
  ['acoustic', /\b(acoustic)\b/],
  ['demo', /\b(demo|rehearsal|outtake|alternate take|take \d+)\b/],
  ['extended', /\b(extended|club mix|12" version|12 inch)\b/],
  ['cover', /\b(cover|tribute)\b/],
  ['altered', /\b(sped up|slowed|nightcore|reverb|8d|chopped)\b/],
  ['version', /\b(version|mix)\b/],
];

/** Decorations that say nothing about which recording it is. */
const NEUTRAL =
  /^(\d{4}|hq|hd|remaster(ed)?( \d{4})?( version)?|\d{4} remaster(ed)?( version)?|official( audio| video| music video)?|audio|lyrics?( video)?|explicit|clean|original mix|album version|original version|mono|stereo|bonus track|free download)$/;

const FEATURING = /^(?:feat\.?|ft\.?|featuring|with)\s+(.+)$/i;
const INLINE_FEATURING = /\s[([]?(?:feat\.?|ft\.?|featuring)\s+([^)\]]+)[)\]]?/i;

function classify(segment: string): Qualifier | 'neutral' | undefined {
  const folded = segment
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
  const plain = foldText(segment);
  if (NEUTRAL.test(plain)) return 'neutral';
  for (const [kind, rule] of QUALIFIER_RULES) if (rule.test(folded)) return kind;
  return undefined;
}

/**
 * Parses a title. `artists` are names that may stand before " - " (the track's artists, the
 * uploader): "Artist - Title" becomes "Title" with `prefix` set.
 */
export function parseTitle(title: string, artists: readonly string[] = []): ParsedTitle {
  const qualifiers = new Set<Qualifier>();
  const qualifierWords = new Set<string>();
  const featured: string[] = [];
  let rest = title.trim();
  let prefix: string | null = null;

  const inline = INLINE_FEATURING.exec(rest);
  if (inline?.[1] && !/^[([]/.test(inline[0].trim())) {
    featured.push(inline[1].trim());
    rest = rest.slice(0, inline.index).trim();
  }

  // Bracketed segments anywhere: "(feat. X)", "(Live At Y)", "[HQ]".
  rest = rest.replace(/\s*[([{]([^()[\]{}]*)[)\]}]/g, (whole, inner: string) => {
    const text = inner.trim();
    const feat = FEATURING.exec(text);
    if (feat?.[1]) {
      featured.push(feat[1].trim());
      return '';
    }
    const kind = classify(text);
    if (kind === undefined) return whole;
    if (kind !== 'neutral') {
      qualifiers.add(kind);
      for (const word of words(text)) qualifierWords.add(word);
    }
    return '';
  });

  // " - " segments: a leading artist, or trailing qualifiers ("Title - Radio Edit").
  const parts = rest.split(/\s+[-–—]\s+/);
  let afterDash: string | null = null;
  if (parts.length > 1) {
    const head = parts[0] ?? '';
    const artistWords = new Set(artists.map(foldText).filter(Boolean));
    if (artistWords.has(foldText(head))) {
      prefix = head;
      parts.shift();
    }
    while (parts.length > 1) {
      const tail = parts[parts.length - 1] ?? '';
      const kind = classify(tail);
      if (kind === undefined) break;
      if (kind !== 'neutral') {
        qualifiers.add(kind);
        for (const word of words(tail)) qualifierWords.add(word);
      }
      parts.pop();
    }
    rest = parts.join(' - ');
    if (prefix === null && parts.length > 1) afterDash = foldText(parts.slice(1).join(' - '));
  }
  return { base: foldText(rest), qualifiers, qualifierWords, featured, prefix, afterDash };
}

/** Whether two titles name the same version: the same qualifiers, and for remixes the same remixer. */
export function qualifiersAgree(a: ParsedTitle, b: ParsedTitle): boolean {
  if (a.qualifiers.size !== b.qualifiers.size) return false;
  for (const kind of a.qualifiers) if (!b.qualifiers.has(kind)) return false;
  if (a.qualifiers.has('remix')) {
    const generic = new Set(['remix', 'remixed', 'mix', 'rmx', 'rework', 'edit', 'dub', 'vip', 'the']);
    const left = [...a.qualifierWords].filter((word) => !generic.has(word));
    const right = new Set([...b.qualifierWords].filter((word) => !generic.has(word)));
    if (left.length > 0 && right.size > 0 && !left.some((word) => right.has(word))) return false;
  }
  return true;
}
