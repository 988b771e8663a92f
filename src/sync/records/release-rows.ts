import { createHash } from 'node:crypto';
import type {
  ArtistsTable,
  LabelsTable,
  ReleaseArtistsTable,
  ReleaseFormatDescriptionsTable,
  ReleaseFormatsTable,
  ReleaseGenresTable,
  ReleaseLabelsTable,
  ReleaseStylesTable,
  ReleasesTable,
} from '../../core/db/tables/records.ts';
import { foldText } from '../../core/text/fold.ts';
import type {
  DiscogsArtistCredit,
  DiscogsBasicInformation,
  DiscogsLabel,
} from '../../upstream/discogs/schemas.ts';
import { creditLine, splitArtistName } from './artist-name.ts';

/** The release columns a collection or wantlist listing knows (enrich adds country, released...). */
export type ListedRelease = Pick<
  ReleasesTable,
  | 'id'
  | 'title'
  | 'title_folded'
  | 'artists_display'
  | 'year'
  | 'thumb'
  | 'cover_image'
  | 'master_id'
  | 'basic_hash'
  | 'updated_at'
>;

/** Everything one listed release becomes: its row and its child rows. */
export interface ReleaseRows {
  release: ListedRelease;
  artists: ArtistsTable[];
  credits: ReleaseArtistsTable[];
  labels: LabelsTable[];
  releaseLabels: ReleaseLabelsTable[];
  formats: ReleaseFormatsTable[];
  formatDescriptions: ReleaseFormatDescriptionsTable[];
  genres: ReleaseGenresTable[];
  styles: ReleaseStylesTable[];
}

/**
 * A fingerprint of what a listing says about a release: equal fingerprints mean nothing to write.
 * URLs are left out (they name whichever host answered) and so are image links, which a CDN may
 * re-sign; they are stored whenever anything else changes.
 */
export function basicHash(basic: DiscogsBasicInformation): string {
  const content = [
    basic.title,
    basic.year,
    basic.master_id ?? 0,
    basic.artists.map((a) => [a.id, a.name, a.anv, a.join, a.role, a.tracks]),
    basic.labels.map((l) => [l.id, l.name, l.catno, l.entity_type, l.entity_type_name]),
    basic.formats.map((f) => [f.name, f.qty, f.text ?? null, f.descriptions]),
    basic.genres,
    basic.styles,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

export function artistRow(credit: Pick<DiscogsArtistCredit, 'id' | 'name'>): ArtistsTable {
  const { display, suffix } = splitArtistName(credit.name);
  return {
    id: credit.id,
    name: credit.name,
    display_name: display,
    name_suffix: suffix,
    name_folded: foldText(display),
  };
}

export function labelRow(label: Pick<DiscogsLabel, 'id' | 'name'>): LabelsTable {
  return { id: label.id, name: label.name, name_folded: foldText(label.name) };
}

export function creditRows(
  releaseId: number,
  kind: ReleaseArtistsTable['kind'],
  credits: readonly DiscogsArtistCredit[],
): ReleaseArtistsTable[] {
  return credits.map((credit, position) => ({
    release_id: releaseId,
    kind,
    position,
    artist_id: credit.id,
    anv: credit.anv,
    join_text: credit.join,
    role: credit.role,
    tracks: credit.tracks,
  }));
}

function uniqueById<T extends { id: number }>(rows: readonly T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

export function releaseRows(basic: DiscogsBasicInformation, nowMs: number): ReleaseRows {
  const id = basic.id;
  return {
    release: {
      id,
      title: basic.title,
      title_folded: foldText(basic.title),
      artists_display: creditLine(basic.artists),
      year: basic.year > 0 ? basic.year : null,
      thumb: basic.thumb || null,
      cover_image: basic.cover_image || null,
      master_id: basic.master_id ? basic.master_id : null,
      basic_hash: basicHash(basic),
      updated_at: nowMs,
    },
    artists: uniqueById(basic.artists.map(artistRow)),
    credits: creditRows(id, 'main', basic.artists),
    labels: uniqueById(basic.labels.map(labelRow)),
    releaseLabels: basic.labels.map((label, position) => ({
      release_id: id,
      position,
      label_id: label.id,
      catno: label.catno,
      entity_type: label.entity_type,
      entity_type_name: label.entity_type_name,
    })),
    formats: basic.formats.map((format, position) => ({
      release_id: id,
      position,
      name: format.name,
      qty: format.qty,
      text: format.text ?? null,
    })),
    formatDescriptions: basic.formats.flatMap((format, formatPosition) =>
      format.descriptions.map((description, position) => ({
        release_id: id,
        format_position: formatPosition,
        position,
        description,
      })),
    ),
    genres: basic.genres.map((genre, position) => ({ release_id: id, position, genre })),
    styles: basic.styles.map((style, position) => ({ release_id: id, position, style })),
  };
}
