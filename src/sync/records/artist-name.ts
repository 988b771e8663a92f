/** Discogs tells apart artists of the same name with a suffix: "Smith (2)". */
const SUFFIX = /^(.*\S)\s+\((\d+)\)$/;

export interface ArtistName {
  /** The name without the suffix, as the artist is known everywhere else. */
  display: string;
  /** The n of "(n)", or null when there is none. */
  suffix: number | null;
}

export function splitArtistName(name: string): ArtistName {
  const match = SUFFIX.exec(name.trim());
  if (!match) return { display: name.trim(), suffix: null };
  return { display: match[1] ?? name, suffix: Number(match[2]) };
}

/** "A & B, C feat. D": each credit's name variation (or name, minus suffix) followed by its join. */
export function creditLine(credits: readonly { name: string; anv: string; join: string }[]): string {
  let line = '';
  credits.forEach((credit, i) => {
    line += credit.anv || splitArtistName(credit.name).display;
    if (i === credits.length - 1) return;
    const join = credit.join.trim();
    line += join === ',' ? ', ' : ` ${join || '&'} `;
  });
  return line;
}
