import { createHash } from 'node:crypto';
import type { AbsMediaProgress, AbsPermissions, AbsUser, AudiobookshelfWorld } from '../books/world.ts';
import { Random } from '../core/random.ts';
import type { AbsCatalog, CatalogItem } from './catalog.ts';
import { signJwt } from './jwt.ts';
import { applyProgressUpdate, type ProgressPatch, type ProgressState } from './progress-update.ts';

/** One media-progress row as the server keeps it. */
export interface ProgressRow extends ProgressState {
  id: string;
  userId: string;
  /** extraData.libraryItemId: whatever the creating request named. */
  libraryItemId: string;
  episodeId: string | null;
  mediaItemId: string;
  mediaItemType: 'book' | 'podcastEpisode';
}

export interface UserRecord {
  user: AbsUser;
  permissions: AbsPermissions;
  /** The legacy, non-expiring `user.token`. */
  token: string;
  lastSeen: number | null;
  progress: ProgressRow[];
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  userId: string;
  isActive: boolean;
  /** Seconds since the epoch, or null for a key that never expires. */
  expiresAt: number | null;
  token: string;
}

export type ProgressWriteResult =
  | { ok: true; row: ProgressRow }
  | { ok: false; status: 400 | 404; message: string };

/** User.getDefaultPermissionsForUserType. */
function defaultPermissions(type: AbsUser['type']): AbsPermissions {
  const elevated = type === 'root' || type === 'admin';
  return {
    download: true,
    update: elevated,
    delete: type === 'root',
    upload: elevated,
    createEreader: elevated,
    accessAllLibraries: true,
    accessAllTags: true,
    accessExplicitContent: elevated,
    selectedTagsNotAccessible: false,
  };
}

/** A stable v4-shaped uuid derived from text, so keys and tokens do not change between runs. */
export function derivedUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(h[16] ?? '0', 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The deterministic API keys a world's users get (one each), keyed by user id. */
export function worldApiKeys(world: AudiobookshelfWorld): ApiKeyRecord[] {
  return world.users.map((user) => {
    const id = derivedUuid(`api-key:${world.tokenSecret}:${user.id}`);
    const name = `shelfsync sandbox (${user.username})`;
    const iat = Math.floor(user.createdAt / 1000) + 3600;
    return {
      id,
      name,
      userId: user.id,
      isActive: true,
      expiresAt: null,
      token: signJwt({ keyId: id, name, type: 'api', iat }, world.tokenSecret),
    };
  });
}

function rowFromWorld(user: AbsUser, progress: AbsMediaProgress, catalog: AbsCatalog): ProgressRow {
  const entry = catalog.item(progress.libraryItemId);
  if (!entry) throw new Error(`progress ${progress.id} names unknown item ${progress.libraryItemId}`);
  return {
    id: progress.id,
    userId: user.id,
    libraryItemId: progress.libraryItemId,
    episodeId: progress.episodeId,
    mediaItemId: progress.episodeId ?? entry.item.mediaId,
    mediaItemType: progress.episodeId ? 'podcastEpisode' : 'book',
    duration: progress.duration,
    currentTime: progress.currentTime,
    progress: progress.progress,
    isFinished: progress.isFinished,
    hideFromContinueListening: progress.hideFromContinueListening,
    ebookLocation: progress.ebookLocation,
    ebookProgress: progress.ebookProgress ?? 0,
    finishedAt: progress.finishedAt,
    startedAt: progress.startedAt,
    lastUpdate: progress.lastUpdate,
  };
}

/** The mutable part of one running server: users, their progress, API keys and refresh sessions. */
export class AbsState {
  readonly catalog: AbsCatalog;
  readonly tokenSecret: string;
  readonly users: UserRecord[];
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  /** Current refresh tokens (one per login session) → user id and expiry (ms). */
  readonly refreshSessions = new Map<string, { userId: string; expiresAt: number }>();
  private readonly ids: Random;

  constructor(world: AudiobookshelfWorld, catalog: AbsCatalog) {
    this.catalog = catalog;
    this.tokenSecret = world.tokenSecret;
    this.ids = new Random(Number.parseInt(derivedUuid(`ids:${world.tokenSecret}`).slice(0, 8), 16));
    this.users = world.users.map((user) => ({
      user,
      permissions: { ...defaultPermissions(user.type), ...(user.permissions ?? {}) },
      token: signJwt(
        { userId: user.id, username: user.username, iat: Math.floor(user.createdAt / 1000) },
        world.tokenSecret,
      ),
      lastSeen: null,
      progress: user.progress.map((progress) => rowFromWorld(user, progress, catalog)),
    }));
    for (const key of worldApiKeys(world)) this.apiKeys.set(key.id, key);
  }

  newId(): string {
    return this.ids.uuid();
  }

  userById(id: string | undefined): UserRecord | undefined {
    return id === undefined ? undefined : this.users.find((record) => record.user.id === id);
  }

  /** Usernames match case-insensitively, as the server lower-cases both sides. */
  userByName(username: string): UserRecord | undefined {
    const wanted = username.toLowerCase();
    return this.users.find((record) => record.user.username.toLowerCase() === wanted);
  }

  canAccessLibrary(record: UserRecord, libraryId: string): boolean {
    if (record.permissions.accessAllLibraries) return true;
    return record.user.librariesAccessible.includes(libraryId);
  }

  /** User.checkCanAccessLibraryItem: the library, explicit content, then tags. */
  canAccessItem(record: UserRecord, entry: CatalogItem): boolean {
    if (!this.canAccessLibrary(record, entry.item.libraryId)) return false;
    const canExplicit = record.permissions.accessExplicitContent && record.user.isActive;
    if (entry.item.explicit && !canExplicit) return false;
    if (record.permissions.accessAllTags) return true;
    // No user here has selected tags: a deny-list lets everything through, an allow-list nothing.
    return record.permissions.selectedTagsNotAccessible;
  }

  /** User.getOldMediaProgress: by library item, narrowed to an episode when one is named. */
  findProgress(record: UserRecord, libraryItemId: string, episodeId: string | null): ProgressRow | undefined {
    return record.progress.find((row) => {
      if (episodeId && row.mediaItemId !== episodeId) return false;
      return row.libraryItemId === libraryItemId;
    });
  }

  /** User.createUpdateMediaProgressFromPayload. */
  writeProgress(record: UserRecord, payload: ProgressPatch, now: number): ProgressWriteResult {
    const episodeId = typeof payload.episodeId === 'string' && payload.episodeId ? payload.episodeId : null;
    const libraryItemId = typeof payload.libraryItemId === 'string' ? payload.libraryItemId : '';
    let mediaItemId: string;
    if (episodeId) {
      const found = this.catalog.episode(episodeId);
      if (!found) return { ok: false, status: 404, message: 'Episode not found' };
      mediaItemId = found.episode.id;
    } else {
      const entry = this.catalog.item(libraryItemId);
      if (!entry) return { ok: false, status: 404, message: 'Library item not found' };
      if (entry.item.mediaType !== 'book')
        return { ok: false, status: 400, message: 'Library item is not a book' };
      mediaItemId = entry.item.mediaId;
    }
    const index = record.progress.findIndex((row) => row.mediaItemId === mediaItemId);
    const existing = index >= 0 ? record.progress[index] : undefined;
    const { state } = applyProgressUpdate(existing, payload, now);
    if (existing) {
      const row: ProgressRow = { ...existing, ...state };
      record.progress[index] = row;
      return { ok: true, row };
    }
    const row: ProgressRow = {
      id: this.newId(),
      userId: record.user.id,
      libraryItemId,
      episodeId,
      mediaItemId,
      mediaItemType: episodeId ? 'podcastEpisode' : 'book',
      ...state,
    };
    record.progress.push(row);
    return { ok: true, row };
  }
}
