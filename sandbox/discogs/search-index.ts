import { displayName } from '../records/artists.ts';
import type { DiscogsRelease, DiscogsTrack } from '../records/world.ts';
import { artistsSort } from './bodies.ts';
import type { ArtistEntry, DatabaseEntities, LabelEntry } from './entities.ts';

/** The documented field parameters of `GET /database/search` (besides `q` and `type`). */
export const SEARCH_FIELDS = [
  'title',
  'release_title',
  'credit',
  'artist',
  'anv',
  'label',
  'genre',
  'style',
  'country',
  'year',
  'format',
  'catno',
  'barcode',
  'track',
  'submitter',
  'contributor',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export type SearchType = 'release' | 'master' | 'artist' | 'label';

/** Words folded for matching: case, accents and punctuation do not count. */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Catalog numbers and barcodes match on their letters and digits alone ("DGCD-24425" = "dgcd 24425"). */
const compact = (text: string) => searchWords(text).join('');

export interface SearchDocument {
  type: SearchType;
  id: number;
  /** The result's display title: "Artist - Title" for releases and masters, the name otherwise. */
  title: string;
  /** Releases behind the result (the versions of a master; empty for artists and labels). */
  releases: readonly DiscogsRelease[];
  artist?: ArtistEntry;
  label?: LabelEntry;
  words: Set<string>;
  fields: Partial<Record<SearchField, { words: Set<string>; compact: string[] }>>;
}

function trackTitles(tracks: readonly DiscogsTrack[]): string[] {
  return tracks.flatMap((track) => [track.title, ...trackTitles(track.sub_tracks ?? [])]);
}

function trackCreditNames(tracks: readonly DiscogsTrack[]): string[] {
  return tracks.flatMap((track) => [
    ...(track.extraartists ?? []).map((artist) => artist.name),
    ...trackCreditNames(track.sub_tracks ?? []),
  ]);
}

function releaseFieldTexts(release: DiscogsRelease): Record<SearchField, string[]> {
  const artists = release.artists.filter((artist) => artist.name !== 'Various');
  return {
    title: [`${artistsSort(release.artists)} - ${release.title}`],
    release_title: [release.title],
    credit: [...release.extraartists.map((artist) => artist.name), ...trackCreditNames(release.tracklist)],
    artist: artists.flatMap((artist) => [artist.name, displayName(artist)]),
    anv: artists.map((artist) => artist.anv).filter(Boolean),
    label: release.labels.map((label) => label.name),
    genre: [...release.genres],
    style: [...release.styles],
    country: [release.country],
    year: [String(release.year)],
    format: release.formats.flatMap((format) => [format.name, ...format.descriptions, format.text ?? '']),
    catno: release.labels.map((label) => label.catno),
    barcode: release.identifiers.map((identifier) => identifier.value),
    track: trackTitles(release.tracklist),
    submitter: ['sandbox_submitter'],
    contributor: ['sandbox_submitter'],
  };
}

function indexFields(texts: Partial<Record<SearchField, string[]>>): SearchDocument['fields'] {
  const fields: SearchDocument['fields'] = {};
  for (const [field, values] of Object.entries(texts) as [SearchField, string[]][]) {
    fields[field] = { words: new Set(values.flatMap(searchWords)), compact: values.map(compact) };
  }
  return fields;
}

function allWords(fields: SearchDocument['fields']): Set<string> {
  const words = new Set<string>();
  for (const field of Object.values(fields)) for (const word of field.words) words.add(word);
  return words;
}

/** One searchable document per release, master, artist and label of the database. */
export function buildSearchDocuments(
  releases: Iterable<DiscogsRelease>,
  masters: ReadonlyMap<number, readonly DiscogsRelease[]>,
  entities: DatabaseEntities,
): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const release of releases) {
    const fields = indexFields(releaseFieldTexts(release));
    documents.push({
      type: 'release',
      id: release.id,
      title: `${artistsSort(release.artists)} - ${release.title}`,
      releases: [release],
      words: allWords(fields),
      fields,
    });
  }
  for (const [masterId, versions] of masters) {
    const main = [...versions].sort((a, b) => a.year - b.year || a.id - b.id)[0];
    if (!main) continue;
    const texts: Partial<Record<SearchField, string[]>> = {};
    for (const version of versions) {
      for (const [field, values] of Object.entries(releaseFieldTexts(version)) as [SearchField, string[]][])
        texts[field] = [...(texts[field] ?? []), ...values];
    }
    const fields = indexFields(texts);
    documents.push({
      type: 'master',
      id: masterId,
      title: `${artistsSort(main.artists)} - ${main.title}`,
      releases: versions,
      words: allWords(fields),
      fields,
    });
  }
  for (const artist of entities.artists.values()) {
    const fields = indexFields({ artist: [artist.name], anv: [...artist.anvs] });
    documents.push({
      type: 'artist',
      id: artist.id,
      title: artist.name,
      releases: [],
      artist,
      words: allWords(fields),
      fields,
    });
  }
  for (const label of entities.labels.values()) {
    const fields = indexFields({ label: [label.name] });
    documents.push({
      type: 'label',
      id: label.id,
      title: label.name,
      releases: [],
      label,
      words: allWords(fields),
      fields,
    });
  }
  return documents;
}

export interface SearchQuery {
  q: string[];
  type: SearchType | undefined;
  fields: Partial<Record<SearchField, string>>;
}

export function readSearchQuery(params: URLSearchParams): SearchQuery {
  const type = params.get('type');
  const fields: SearchQuery['fields'] = {};
  for (const field of SEARCH_FIELDS) {
    const value = params.get(field);
    if (value !== null && value.trim() !== '') fields[field] = value;
  }
  return {
    q: searchWords(params.get('q') ?? ''),
    type: type === 'release' || type === 'master' || type === 'artist' || type === 'label' ? type : undefined,
    fields,
  };
}

function fieldMatches(document: SearchDocument, field: SearchField, value: string): boolean {
  const indexed = document.fields[field];
  if (!indexed) return false;
  if (field === 'catno' || field === 'barcode') {
    const wanted = compact(value);
    return wanted !== '' && indexed.compact.some((text) => text.includes(wanted));
  }
  return searchWords(value).every((word) => indexed.words.has(word));
}

/** How well the document answers: every word and field must match; titles that say it all rank first. */
function score(document: SearchDocument, query: SearchQuery): number | undefined {
  if (query.type && document.type !== query.type) return undefined;
  if (!query.q.every((word) => document.words.has(word))) return undefined;
  for (const [field, value] of Object.entries(query.fields) as [SearchField, string][])
    if (!fieldMatches(document, field, value)) return undefined;
  const titleWords = new Set(searchWords(document.title));
  return query.q.filter((word) => titleWords.has(word)).length;
}

const TYPE_ORDER: Record<SearchType, number> = { artist: 0, master: 1, release: 2, label: 3 };
const popularity = (document: SearchDocument) =>
  document.releases.reduce((sum, release) => sum + release.have, 0);

export function runSearch(documents: readonly SearchDocument[], query: SearchQuery): SearchDocument[] {
  const hits: { document: SearchDocument; score: number }[] = [];
  for (const document of documents) {
    const value = score(document, query);
    if (value !== undefined) hits.push({ document, score: value });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      TYPE_ORDER[a.document.type] - TYPE_ORDER[b.document.type] ||
      popularity(b.document) - popularity(a.document) ||
      a.document.id - b.document.id,
  );
  return hits.map((hit) => hit.document);
}
