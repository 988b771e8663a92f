/**
 * `GET /masters/{id}/versions` (developer docs, "Master Release Versions"): one row per release of the
 * master, with `major_formats` and `stats`; the `format`, `label`, `released` and `country` filters;
 * `sort` by released, title, format, label, catno or country, and `sort_order` asc or desc.
 */
import type { DiscogsRelease } from '../records/world.ts';
import { imageUrl } from './bodies.ts';
import type { UserShelf } from './store.ts';

const SORT_KEYS = ['released', 'title', 'format', 'label', 'catno', 'country'] as const;
type VersionSortKey = (typeof SORT_KEYS)[number];

/** The one-line `format` of a row: the first description (or the format's name) and its free text. */
function formatLine(release: DiscogsRelease): string {
  const format = release.formats[0];
  if (!format) return '';
  return [format.descriptions[0] ?? format.name, ...(format.text ? [format.text] : [])].join(', ');
}

function sortValue(release: DiscogsRelease, key: VersionSortKey): string {
  switch (key) {
    case 'released':
      return release.released;
    case 'title':
      return release.title;
    case 'format':
      return formatLine(release);
    case 'label':
      return release.labels[0]?.name ?? '';
    case 'catno':
      return release.labels[0]?.catno ?? '';
    case 'country':
      return release.country;
  }
}

const fold = (text: string) => text.trim().toLowerCase();

/** Does the release pass every filter given in the query? Matching ignores case. */
function passes(release: DiscogsRelease, params: URLSearchParams): boolean {
  const format = params.get('format');
  if (
    format &&
    !release.formats.some((f) => [f.name, ...f.descriptions].some((v) => fold(v) === fold(format)))
  )
    return false;
  const label = params.get('label');
  if (label && !release.labels.some((l) => fold(l.name) === fold(label))) return false;
  const released = params.get('released');
  if (released && !release.released.startsWith(released.trim())) return false;
  const country = params.get('country');
  if (country && fold(release.country) !== fold(country)) return false;
  return true;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The versions the query asks for, in its order (unsorted: as stored); ties fall back to the id. */
export function selectVersions(versions: readonly DiscogsRelease[], url: URL): DiscogsRelease[] {
  const params = url.searchParams;
  const selected = versions.filter((release) => passes(release, params));
  const requested = params.get('sort') ?? '';
  if (!(SORT_KEYS as readonly string[]).includes(requested)) return selected;
  const key = requested as VersionSortKey;
  const direction = params.get('sort_order') === 'desc' ? -1 : 1;
  return selected.sort(
    (a, b) => (collator.compare(sortValue(a, key), sortValue(b, key)) || a.id - b.id) * direction,
  );
}

/** One row; `user` stats only when a user is signed in. */
export function versionJson(release: DiscogsRelease, origin: string, shelf: UserShelf | undefined) {
  const label = release.labels[0];
  return {
    catno: label?.catno ?? '',
    country: release.country,
    format: formatLine(release),
    id: release.id,
    label: label?.name ?? '',
    major_formats: [...new Set(release.formats.map((format) => format.name))],
    released: release.released,
    resource_url: `${origin}/releases/${release.id}`,
    stats: {
      community: { in_collection: release.have, in_wantlist: release.want },
      ...(shelf
        ? {
            user: {
              in_collection: shelf.instances.filter((item) => item.releaseId === release.id).length,
              in_wantlist: shelf.wants.has(release.id) ? 1 : 0,
            },
          }
        : {}),
    },
    status: 'Accepted',
    thumb: imageUrl(release.id, 150),
    title: release.title,
  };
}
