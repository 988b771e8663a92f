/**
 * One item of `GET /database/search` `results`, in the shape live responses have today (docs example
 * plus the keys captured in third-party fixtures): `year` is a string, `format`, `label`, `genre`,
 * `style` and `barcode` are lists of strings, `uri` is a relative www path, `master_url` is null for
 * artists and labels, and `user_data` says whether the signed-in user has or wants the item.
 */
import { artistsSort, formatJson, imageUrl, slug } from './bodies.ts';
import { entityImageUrl } from './entity-bodies.ts';
import type { SearchDocument } from './search-index.ts';
import type { UserShelf } from './store.ts';

function userData(document: SearchDocument, shelf: UserShelf | undefined) {
  const ids = new Set(document.releases.map((release) => release.id));
  return {
    in_collection: !!shelf && shelf.instances.some((item) => ids.has(item.releaseId)),
    in_wantlist: !!shelf && [...ids].some((id) => shelf.wants.has(id)),
  };
}

function entityResult(document: SearchDocument, origin: string, shelf: UserShelf | undefined) {
  const kind = document.type === 'artist' ? 'A' : 'L';
  const plural = document.type === 'artist' ? 'artists' : 'labels';
  return {
    id: document.id,
    type: document.type,
    user_data: userData(document, shelf),
    master_id: null,
    master_url: null,
    uri: `/${document.type}/${document.id}-${slug(document.title)}`,
    title: document.title,
    thumb: entityImageUrl(kind, document.id, 150),
    cover_image: entityImageUrl(kind, document.id, 600),
    resource_url: `${origin}/${plural}/${document.id}`,
  };
}

export function searchResultJson(
  document: SearchDocument,
  origin: string,
  shelf: UserShelf | undefined,
): Record<string, unknown> {
  if (document.type === 'artist' || document.type === 'label') return entityResult(document, origin, shelf);
  const versions = document.releases;
  const main = [...versions].sort((a, b) => a.year - b.year || a.id - b.id)[0];
  if (!main) return entityResult(document, origin, shelf);
  const isMaster = document.type === 'master';
  const masterId = isMaster ? document.id : main.masterId;
  const path = isMaster ? 'masters' : 'releases';
  return {
    country: main.country,
    year: String(main.year),
    format: main.formats.flatMap((format) => [format.name, ...format.descriptions]),
    label: main.labels.map((label) => label.name),
    type: document.type,
    genre: [...main.genres],
    style: [...main.styles],
    id: document.id,
    barcode: main.identifiers.map((identifier) => identifier.value),
    user_data: userData(document, shelf),
    master_id: masterId,
    master_url: masterId === 0 ? null : `${origin}/masters/${masterId}`,
    uri: `/${isMaster ? 'master' : 'release'}/${document.id}-${slug(`${artistsSort(main.artists)} ${main.title}`)}`,
    catno: main.labels[0]?.catno ?? '',
    title: document.title,
    thumb: imageUrl(main.id, 150),
    cover_image: imageUrl(main.id, 600),
    resource_url: `${origin}/${path}/${document.id}`,
    community: {
      want: versions.reduce((sum, release) => sum + release.want, 0),
      have: versions.reduce((sum, release) => sum + release.have, 0),
    },
    ...(isMaster
      ? {}
      : {
          format_quantity: main.formats.reduce((sum, format) => sum + (Number(format.qty) || 1), 0),
          formats: main.formats.map(formatJson),
        }),
  };
}
