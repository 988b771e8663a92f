import type { SoundcloudTrack } from '../records/world.ts';
import type { SoundcloudCatalog } from './catalog.ts';
import { wordsOf } from './formats.ts';
import { buildTrackPostings, postingTrack, postingWeight, type TrackPostings } from './search-postings.ts';

/**
 * Track search as a search engine does it, not as a lookup table: words are folded (case, accents),
 * matched exactly, with one typo, or (the last word) by prefix, weighted by field (title above
 * uploader and artist above tags), and ranked with coverage, phrase and popularity boosts. Decoys
 * that share the title (covers, remixes, re-uploads) therefore rank close to the real upload, as
 * they do on SoundCloud.
 */

const PREFIX_QUALITY = 0.6;
const TYPO_QUALITY = 0.5;

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export class TrackSearchIndex {
  private readonly catalog: SoundcloudCatalog;
  private readonly tracks: readonly SoundcloudTrack[];
  /** Built on the first search: a big world's index takes a while and many runs never search. */
  private built: TrackPostings | undefined;
  /** The vocabulary never changes, so each query word is expanded once. */
  private readonly expansions = new Map<string, [string, number][]>();
  /** Per track, filled as searches reach it. */
  private readonly titleWords: (string[] | undefined)[];
  /** Words naming the artist: the uploader's username and metadata_artist. */
  private readonly artistWords: (Set<string> | undefined)[];

  constructor(catalog: SoundcloudCatalog) {
    this.catalog = catalog;
    this.tracks = catalog.tracks;
    this.titleWords = new Array(this.tracks.length);
    this.artistWords = new Array(this.tracks.length);
  }

  private index(): TrackPostings {
    this.built ??= buildTrackPostings(this.tracks, this.catalog);
    return this.built;
  }

  private titleWordsOf(index: number, track: SoundcloudTrack): string[] {
    let words = this.titleWords[index];
    if (!words) {
      words = wordsOf(track.title);
      this.titleWords[index] = words;
    }
    return words;
  }

  private artistWordsOf(index: number, track: SoundcloudTrack): Set<string> {
    let words = this.artistWords[index];
    if (!words) {
      words = new Set([
        ...wordsOf(this.catalog.uploader(track).username),
        ...wordsOf(track.metadataArtist ?? ''),
      ]);
      this.artistWords[index] = words;
    }
    return words;
  }

  /**
   * Vocabulary words a query word reaches, with how well each matches (1 exact, less for a typo or,
   * for the query's last word as in search-as-you-type, a prefix).
   */
  private expand(word: string, withPrefixes: boolean): [string, number][] {
    const key = `${withPrefixes ? 'p' : 'w'}:${word}`;
    const known = this.expansions.get(key);
    if (known) return known;
    const { postings, vocabulary, vocabularyByLength } = this.index();
    const found: [string, number][] = [];
    if (postings.has(word)) found.push([word, 1]);
    if (withPrefixes && word.length >= 3) {
      let low = 0;
      let high = vocabulary.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((vocabulary[mid] as string) < word) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < vocabulary.length; i++) {
        const candidate = vocabulary[i] as string;
        if (!candidate.startsWith(word)) break;
        if (candidate !== word) found.push([candidate, PREFIX_QUALITY]);
      }
    }
    if (word.length >= 5) {
      for (let length = word.length - 1; length <= word.length + 1; length++) {
        for (const candidate of vocabularyByLength.get(length) ?? []) {
          if (candidate !== word && !candidate.startsWith(word) && withinOneEdit(word, candidate)) {
            found.push([candidate, TYPO_QUALITY]);
          }
        }
      }
    }
    if (this.expansions.size > 50_000) this.expansions.clear();
    this.expansions.set(key, found);
    return found;
  }

  /** Tracks matching `query`, best first. A track must match at least half of the query's words. */
  search(query: string): SoundcloudTrack[] {
    const words = [...new Set(wordsOf(query))];
    const width = words.length;
    if (width === 0) return [];
    const { postings } = this.index();
    // best[track * width + word]: how well each query word matched each track (0 = not at all).
    const best = new Float64Array(this.tracks.length * width);
    const touched: number[] = [];
    const seen = new Uint8Array(this.tracks.length);
    words.forEach((word, position) => {
      for (const [candidate, quality] of this.expand(word, position === width - 1)) {
        for (const posting of postings.get(candidate) ?? []) {
          const track = postingTrack(posting);
          const slot = track * width + position;
          const value = postingWeight(posting) * quality;
          if (value > (best[slot] ?? 0)) best[slot] = value;
          if (seen[track] === 0) {
            seen[track] = 1;
            touched.push(track);
          }
        }
      }
    });

    const needed = Math.ceil(width / 2);
    const queryWords = new Set(words);
    const phrase = ` ${words.join(' ')} `;
    const ranked: { track: SoundcloudTrack; score: number }[] = [];
    for (const index of touched) {
      let matched = 0;
      let score = 0;
      for (let position = 0; position < width; position++) {
        const value = best[index * width + position] ?? 0;
        if (value > 0) matched += 1;
        score += value;
      }
      if (matched < needed) continue;
      const track = this.tracks[index] as SoundcloudTrack;
      const title = this.titleWordsOf(index, track);
      if (matched === width) score += 3;
      if (title.length > 0 && phrase.includes(` ${title.join(' ')} `)) score += 2;
      // The artist's own upload (named by uploader or metadata_artist) ranks above copies.
      const artist = this.artistWordsOf(index, track);
      if (words.some((word) => artist.has(word))) score += 1.5;
      // Title words the query did not ask for ("remix", "live") push a track down a little.
      for (const word of title) if (!queryWords.has(word)) score -= 0.6;
      score += 0.4 * Math.log10(track.playbackCount + 1);
      ranked.push({ track, score });
    }
    ranked.sort(
      (a, b) => b.score - a.score || b.track.playbackCount - a.track.playbackCount || a.track.id - b.track.id,
    );
    return ranked.map((entry) => entry.track);
  }
}
