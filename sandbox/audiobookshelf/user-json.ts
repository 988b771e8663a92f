import type { AbsCatalog } from './catalog.ts';
import type { AbsState, ProgressRow, UserRecord } from './state.ts';

type Json = Record<string, unknown>;

export const SERVER_VERSION = '2.36.0';

/** MediaProgress.getOldMediaProgress. */
export function progressJson(row: ProgressRow): Json {
  return {
    id: row.id,
    userId: row.userId,
    libraryItemId: row.libraryItemId || null,
    episodeId: row.mediaItemType === 'podcastEpisode' ? row.mediaItemId : null,
    mediaItemId: row.mediaItemId,
    mediaItemType: row.mediaItemType,
    duration: row.duration,
    progress: row.progress || 0,
    currentTime: row.currentTime,
    isFinished: row.isFinished,
    hideFromContinueListening: row.hideFromContinueListening,
    ebookLocation: row.ebookLocation,
    ebookProgress: row.ebookProgress,
    lastUpdate: row.lastUpdate,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt || null,
  };
}

export interface UserJsonOptions {
  /** Blank the root user's token (when someone other than root asks). */
  hideRootToken?: boolean;
  /** Leave out mediaProgress and bookmarks (`GET /api/users`). */
  minimal?: boolean;
  /** The request authenticated with a legacy token that has no expiry. */
  isOldToken?: boolean;
}

/** User.toOldJSONForBrowser. */
export function userJson(record: UserRecord, options: UserJsonOptions = {}): Json {
  const { user } = record;
  const json: Json = {
    id: user.id,
    username: user.username,
    email: null,
    type: user.type,
    token: user.type === 'root' && options.hideRootToken ? '' : record.token,
  };
  if (options.isOldToken) json.isOldToken = true;
  if (!options.minimal) json.mediaProgress = record.progress.map(progressJson);
  json.seriesHideFromContinueListening = [];
  if (!options.minimal) json.bookmarks = [];
  return {
    ...json,
    isActive: user.isActive,
    isLocked: false,
    lastSeen: record.lastSeen,
    createdAt: user.createdAt,
    permissions: { ...record.permissions },
    librariesAccessible: [...user.librariesAccessible],
    itemTagsSelected: [],
    hasOpenIDLink: false,
  };
}

/** Database.serverSettings.toJSONForBrowser, for a default install. */
export function serverSettingsJson(): Json {
  return {
    id: 'server-settings',
    scannerFindCovers: false,
    scannerCoverProvider: 'google',
    scannerParseSubtitle: false,
    scannerPreferMatchedMetadata: false,
    scannerDisableWatcher: false,
    storeCoverWithItem: false,
    storeMetadataWithItem: false,
    metadataFileFormat: 'json',
    rateLimitLoginRequests: 10,
    rateLimitLoginWindow: 600000,
    allowIframe: false,
    backupPath: '/metadata/backups',
    backupSchedule: false,
    backupsToKeep: 2,
    maxBackupSize: 1,
    loggerDailyLogsToKeep: 7,
    loggerScannerLogsToKeep: 2,
    homeBookshelfView: 1,
    bookshelfView: 1,
    podcastEpisodeSchedule: '0 * * * *',
    sortingIgnorePrefix: false,
    sortingPrefixes: ['the', 'a'],
    chromecastEnabled: false,
    dateFormat: 'MM/dd/yyyy',
    timeFormat: 'HH:mm',
    language: 'en-us',
    allowedOrigins: [],
    logLevel: 2,
    version: SERVER_VERSION,
    buildNumber: 1,
    authLoginCustomMessage: null,
    authActiveAuthMethods: ['local'],
    authOpenIDAutoLaunch: false,
    authOpenIDAutoRegister: false,
    authOpenIDMatchExistingBy: null,
    authOpenIDButtonText: 'Login with OpenId',
  };
}

/** Auth.getUserLoginResponsePayload: what /login, /auth/refresh and /api/authorize answer. */
export function loginPayload(
  state: AbsState,
  catalog: AbsCatalog,
  record: UserRecord,
): Json & { user: Json } {
  const defaultLibrary = catalog.libraries.find((library) => state.canAccessLibrary(record, library.id));
  return {
    user: userJson(record),
    userDefaultLibraryId: defaultLibrary?.id ?? null,
    serverSettings: serverSettingsJson(),
    ereaderDevices: [],
    Source: 'docker',
  };
}
