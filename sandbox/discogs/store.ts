import type {
  DiscogsCollectionItem,
  DiscogsConsumer,
  DiscogsCustomField,
  DiscogsFolder,
  DiscogsRelease,
  DiscogsUser,
  DiscogsWant,
  DiscogsWorld,
} from '../records/world.ts';
import { DatabaseEntities } from './entities.ts';
import { buildSearchDocuments, type SearchDocument } from './search-index.ts';

/** The editable part of a profile (developer docs, "Edit Profile"). */
export interface EditableProfile {
  name: string;
  homePage: string;
  location: string;
  profile: string;
  /** The user's currency for marketplace data, one of the docs' `curr_abbr` values. */
  currAbbr: string;
}

/** One user's collection and wantlist as the stand-in mutates them. */
export interface UserShelf {
  user: DiscogsUser;
  profile: EditableProfile;
  folders: DiscogsFolder[];
  fields: DiscogsCustomField[];
  instances: DiscogsCollectionItem[];
  /** Insertion order is the wantlist's order. */
  wants: Map<number, DiscogsWant>;
  /** The user's own ratings of releases (`/releases/{id}/rating/{username}`), 1 to 5. */
  releaseRatings: Map<number, number>;
}

/** The stand-in's state, built from the plain world so the world itself is never mutated. */
export class DiscogsStore {
  readonly releases = new Map<number, DiscogsRelease>();
  readonly masters = new Map<number, DiscogsRelease[]>();
  private readonly shelves = new Map<string, UserShelf>();
  private readonly byToken = new Map<string, DiscogsUser>();
  private readonly consumers: DiscogsConsumer[];
  private nextInstance: number;
  private nextFolder: number;
  /** Bumped on every write, so cached sort orders know when they are stale. */
  version = 0;
  /** Built on first use: the releases never change, and most runs never ask for them. */
  private entityIndex: DatabaseEntities | undefined;
  private documents: SearchDocument[] | undefined;

  constructor(world: DiscogsWorld) {
    for (const release of world.releases) {
      this.releases.set(release.id, release);
      if (release.masterId !== 0) {
        const versions = this.masters.get(release.masterId) ?? [];
        versions.push(release);
        this.masters.set(release.masterId, versions);
      }
    }
    this.addShelf(
      world.user,
      world.folders.map((folder) => ({ ...folder })),
      world.customFields,
      // Copied (writes change instances in place); by hand, as structuredClone is slow for big worlds.
      world.collection.map((item) => ({ ...item, notes: item.notes.map((note) => ({ ...note })) })),
      world.wantlist,
    );
    for (const guest of world.guests ?? [])
      this.addShelf(guest, [{ id: 1, name: 'Uncategorized' }], [], [], []);
    this.consumers = world.consumers ?? [];
    this.nextInstance =
      world.collection.reduce((max, item) => Math.max(max, item.instanceId), 100_000_000) + 1;
    this.nextFolder = world.folders.reduce((max, folder) => Math.max(max, folder.id), 100_000) + 1;
  }

  private addShelf(
    user: DiscogsUser,
    folders: DiscogsFolder[],
    fields: DiscogsCustomField[],
    instances: DiscogsCollectionItem[],
    wants: readonly DiscogsWant[],
  ): void {
    this.shelves.set(user.username.toLowerCase(), {
      user,
      profile: { name: user.name, homePage: '', location: user.location, profile: '', currAbbr: 'USD' },
      folders,
      fields,
      instances,
      wants: new Map(wants.map((want) => [want.releaseId, { ...want }])),
      releaseRatings: new Map(),
    });
    this.byToken.set(user.token, user);
  }

  get entities(): DatabaseEntities {
    this.entityIndex ??= new DatabaseEntities(this.releases.values());
    return this.entityIndex;
  }

  searchDocuments(): readonly SearchDocument[] {
    this.documents ??= buildSearchDocuments(this.releases.values(), this.masters, this.entities);
    return this.documents;
  }

  /** Usernames are matched without regard to case, as on discogs.com. */
  shelf(username: string): UserShelf | undefined {
    return this.shelves.get(username.toLowerCase());
  }

  userByToken(token: string): DiscogsUser | undefined {
    return this.byToken.get(token);
  }

  consumer(key: string, secret: string): DiscogsConsumer | undefined {
    return this.consumers.find((consumer) => consumer.key === key && consumer.secret === secret);
  }

  addInstance(
    shelf: UserShelf,
    releaseId: number,
    folderId: number,
    dateAdded: string,
  ): DiscogsCollectionItem {
    const item: DiscogsCollectionItem = {
      instanceId: this.nextInstance++,
      releaseId,
      folderId,
      rating: 0,
      dateAdded,
      notes: [],
    };
    shelf.instances.push(item);
    this.version += 1;
    return item;
  }

  removeInstance(shelf: UserShelf, instanceId: number): boolean {
    const index = shelf.instances.findIndex((item) => item.instanceId === instanceId);
    if (index < 0) return false;
    shelf.instances.splice(index, 1);
    this.version += 1;
    return true;
  }

  addFolder(shelf: UserShelf, name: string): DiscogsFolder {
    const folder = { id: this.nextFolder++, name };
    shelf.folders.push(folder);
    this.version += 1;
    return folder;
  }

  touched(): void {
    this.version += 1;
  }
}
