import type { Random } from '../core/random.ts';
import type { IdAllocator } from './artists.ts';
import { discogsTimestamp } from './dates.ts';
import { COLLECTION_NOTES, FOLDER_NAMES, MEDIA_CONDITIONS, SLEEVE_CONDITIONS } from './vocabulary.ts';
import type {
  DiscogsCollectionItem,
  DiscogsConsumer,
  DiscogsCustomField,
  DiscogsFolder,
  DiscogsRelease,
  DiscogsUser,
  DiscogsWant,
} from './world.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function token(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[random.int(0, ALNUM.length - 1)];
  return out;
}

export function generateUser(random: Random, now: number): DiscogsUser {
  const username = `${random.pick(['crate', 'vinyl', 'groove', 'wax', 'needle'])}_${random.pick(['digger', 'archivist', 'keeper', 'hound'])}${random.int(10, 99)}`;
  return {
    id: random.int(1_000_000, 9_999_999),
    username,
    name: random.pick(['Håkan Nilsson', 'Zoë Moreau', 'Kenji Morgan', 'Lucía Peña']),
    token: token(random, 40),
    location: random.pick(['Göteborg, Sweden', 'Portland, OR', 'Osaka, Japan', 'São Paulo']),
    registered: discogsTimestamp(
      Date.UTC(2008, 0, 1) + Math.floor(random.next() * (now - Date.UTC(2012, 0, 1)) * 0.3),
    ),
    collectionPublic: true,
    email: `${username.replace(/_/g, '.')}@example.com`,
    wantlistPublic: true,
  };
}

export function generateGuest(random: Random, now: number): DiscogsUser {
  return {
    id: random.int(1_000_000, 9_999_999),
    username: 'another_listener',
    name: 'Another Listener',
    token: token(random, 40),
    location: '',
    registered: discogsTimestamp(now - 400 * 86_400_000),
    collectionPublic: false,
    email: 'another.listener@example.com',
    wantlistPublic: false,
  };
}

export function generateConsumer(random: Random): DiscogsConsumer {
  return { key: token(random, 20), secret: token(random, 32), name: 'shelfsync sandbox app' };
}

export function generateFolders(random: Random, ids: IdAllocator): DiscogsFolder[] {
  const extra = random.shuffle(FOLDER_NAMES).slice(0, 4);
  if (!extra.includes('Jazz')) extra[0] = 'Jazz';
  return [
    { id: 1, name: 'Uncategorized' },
    ...extra.map((name) => ({ id: ids.next(100_000, 9_999_999), name })),
  ];
}

export const CUSTOM_FIELDS: DiscogsCustomField[] = [
  {
    id: 1,
    name: 'Media Condition',
    type: 'dropdown',
    options: [...MEDIA_CONDITIONS],
    position: 1,
    public: true,
  },
  {
    id: 2,
    name: 'Sleeve Condition',
    type: 'dropdown',
    options: [...SLEEVE_CONDITIONS],
    position: 2,
    public: true,
  },
  { id: 3, name: 'Notes', type: 'textarea', lines: 3, position: 3, public: true },
  { id: 4, name: 'Purchase Notes', type: 'textarea', lines: 1, position: 4, public: false },
];

function itemNotes(random: Random): { field_id: number; value: string }[] {
  const notes: { field_id: number; value: string }[] = [];
  if (random.chance(0.6)) notes.push({ field_id: 1, value: random.pick(MEDIA_CONDITIONS) });
  if (random.chance(0.4)) notes.push({ field_id: 2, value: random.pick(SLEEVE_CONDITIONS) });
  if (random.chance(0.2)) notes.push({ field_id: 3, value: random.pick(COLLECTION_NOTES) });
  if (random.chance(0.1))
    notes.push({
      field_id: 4,
      value: `€${random.int(3, 80)} at ${random.pick(['Rough Trade', 'a flea market', 'Disk Union'])}`,
    });
  return notes;
}

function rating(random: Random): number {
  return random.chance(0.55) ? 0 : random.int(1, 5);
}

/**
 * One instance per owned release, plus second copies (same release id, another instance id, often
 * another folder). Instance ids grow with the date added, as Discogs assigns them.
 */
export function generateCollection(
  random: Random,
  owned: readonly DiscogsRelease[],
  duplicates: readonly DiscogsRelease[],
  folders: readonly DiscogsFolder[],
  since: number,
  now: number,
): DiscogsCollectionItem[] {
  const jazz = folders.find((folder) => folder.name === 'Jazz');
  const folderFor = (release: DiscogsRelease) => {
    if (jazz && release.genres.includes('Jazz') && random.chance(0.7)) return jazz.id;
    return random.chance(0.4) ? 1 : random.pick(folders).id;
  };
  const entries = [
    ...owned.map((release) => ({ release, folderId: folderFor(release) })),
    ...duplicates.map((release) => ({ release, folderId: 0 })),
  ];
  const times = entries.map(() => since + Math.floor(random.next() * (now - since))).sort((a, b) => a - b);
  const order = random.shuffle(entries.map((_, i) => i));
  let instanceId = random.int(100_000_000, 200_000_000);
  const items: DiscogsCollectionItem[] = order.map((entryIndex, rank) => {
    const entry = entries[entryIndex] as (typeof entries)[number];
    instanceId += random.int(1, 5000);
    return {
      instanceId,
      releaseId: entry.release.id,
      folderId: entry.folderId,
      rating: rating(random),
      dateAdded: discogsTimestamp(Math.floor((times[rank] ?? since) / 1000) * 1000),
      notes: itemNotes(random),
    };
  });
  // A second copy lives in a different folder from the first when it can.
  const firstFolder = new Map<number, number>();
  for (const item of items) if (item.folderId !== 0) firstFolder.set(item.releaseId, item.folderId);
  for (const item of items) {
    if (item.folderId !== 0) continue;
    const other = folders.filter((folder) => folder.id !== firstFolder.get(item.releaseId));
    item.folderId = random.pick(other.length > 0 ? other : folders).id;
  }
  return items;
}

export function generateWantlist(
  random: Random,
  releases: readonly DiscogsRelease[],
  since: number,
  now: number,
): DiscogsWant[] {
  const times = releases.map(() => since + Math.floor(random.next() * (now - since))).sort((a, b) => a - b);
  return releases.map((release, i) => ({
    releaseId: release.id,
    rating: rating(random),
    notes: random.chance(0.3)
      ? random.pick(['Original pressing only!', 'Any copy VG+ or better', 'Japanese press w/ obi'])
      : '',
    dateAdded: discogsTimestamp(Math.floor((times[i] ?? since) / 1000) * 1000),
    notesPublic: random.chance(0.3),
  }));
}
