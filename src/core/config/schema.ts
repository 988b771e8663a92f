import { join } from 'node:path';
import { z } from 'zod';
import {
  cronExpression,
  evenWithProblems,
  httpUrl,
  localPath,
  percent,
  secret,
  text,
  timeZone,
  uniqueBy,
} from './schema-parts.ts';
import { isPlainObject } from './schema-walk.ts';

/**
 * The one description of shelfsync's config file: types, defaults and messages all come from here.
 * Defaults that depend on the machine (folders, time zone) come in through the context.
 */
export interface ConfigContext {
  /** Folder of the config file; relative paths in it start here. */
  baseDir: string;
  home: string;
  dataHome: string;
  stateHome: string;
  systemTimeZone: string;
}

export const DEFAULT_SCHEDULE = '0 */6 * * *';
export const DEFAULT_HARDCOVER_URL = 'https://api.hardcover.app/v1/graphql';
export const DEFAULT_DISCOGS_URL = 'https://api.discogs.com';
export const DEFAULT_SOUNDCLOUD_URL = 'https://api.soundcloud.com';
export const DEFAULT_SOUNDCLOUD_AUTH_URL = 'https://secure.soundcloud.com';
export const DEFAULT_DAEMON_HOST = '127.0.0.1';
export const DEFAULT_DAEMON_PORT = 8977;
export const MATCH_STRATEGIES = ['asin', 'isbn', 'title_author'] as const;
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** The value of `key` in a list entry; entries that are not mappings have none. */
function field(key: string): (item: unknown) => unknown {
  return (item) => (isPlainObject(item) ? item[key] : undefined);
}

const userId = text('a short name for this person, e.g. alice').regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
  message: 'must be letters, digits, ".", "_" or "-" (it is used on the command line: sync --user ID)',
});

function bookUser() {
  return z.strictObject({
    id: userId,
    audiobookshelf: z.strictObject({
      url: httpUrl('your Audiobookshelf server URL, e.g. http://abs.lan:13378'),
      token: secret('the Audiobookshelf API token of this user'),
    }),
    hardcover: z.strictObject({
      token: secret('the Hardcover API token of this user'),
      url: httpUrl('the Hardcover GraphQL endpoint').optional(),
    }),
    libraries: z
      .strictObject({
        include: z.array(text('an Audiobookshelf library name')).min(1).optional(),
        exclude: z.array(text('an Audiobookshelf library name')).default([]),
      })
      .prefault({}),
  });
}

/** `shelfsync start`: where /healthz and /metrics listen, and how long a stop may take. */
function daemonSection() {
  return z
    .strictObject({
      host: text('the address /healthz and /metrics listen on').default(DEFAULT_DAEMON_HOST),
      port: z
        .number()
        .int()
        .min(0)
        .max(65535)
        .describe('the port of /healthz and /metrics (0 picks a free one)')
        .default(DEFAULT_DAEMON_PORT),
      shutdown_timeout_seconds: z
        .number()
        .positive()
        .max(3600)
        .describe('how long SIGTERM may take: the run in flight finishes its writes within it')
        .default(30),
    })
    .prefault({});
}

function booksSection() {
  return z
    .strictObject({
      min_progress: percent('the least progress a book needs before it is synced').default(5),
      auto_add: z.boolean().default(false),
      auto_add_min_progress: percent('the least progress before a book is added to Hardcover').optional(),
      match_order: z
        .array(z.enum(MATCH_STRATEGIES))
        .min(1)
        .superRefine(
          (order, context) => uniqueBy(order, (item) => item, context, [], 'match strategy'),
          evenWithProblems,
        )
        .default([...MATCH_STRATEGIES]),
      title_match_threshold: percent(
        'the least score a title/author search hit needs to count as a match',
      ).default(80),
      miss_ttl_days: z.number().int().min(0).max(365).default(7),
      max_drop: percent('the largest fall in progress written without review').default(25),
      on_drop: z.enum(['review', 'write']).default('review'),
      update_paused: z.boolean().default(false),
      update_did_not_finish: z.boolean().default(false),
      hardcover: z
        .strictObject({
          url: httpUrl('the Hardcover GraphQL endpoint').default(DEFAULT_HARDCOVER_URL),
          per_minute: z.number().int().min(1).max(100_000).default(60),
          burst: z.number().int().min(1).max(1000).default(10),
        })
        .prefault({}),
      users: z
        .array(bookUser())
        .min(1)
        .superRefine(
          (users, context) => uniqueBy(users, field('id'), context, ['id'], 'user id'),
          evenWithProblems,
        )
        .describe('a list of people, each with id, audiobookshelf and hardcover'),
    })
    .transform((books) => ({
      ...books,
      // Each user ends up with the Hardcover URL to use: their own override, else the shared one.
      users: books.users.map((user) => ({
        ...user,
        hardcover: { ...user.hardcover, url: user.hardcover.url ?? books.hardcover.url },
      })),
    }));
}

function recordsSection() {
  return z.strictObject({
    discogs: z.strictObject({
      username: text('your Discogs username'),
      token: secret('your Discogs personal access token'),
      url: httpUrl('the Discogs API URL').default(DEFAULT_DISCOGS_URL),
    }),
    wantlist: z.boolean().default(true),
  });
}

function playlistsSection() {
  const definition = z.strictObject({
    name: text('the playlist name'),
    query: text('a collection query, e.g. genre = Jazz and year in 1960..1969'),
    private: z.boolean().default(false),
    auto_update: z.boolean().default(true),
  });
  return z.strictObject({
    soundcloud: z.strictObject({
      client_id: text('the client id of your SoundCloud app'),
      client_secret: secret('the client secret of your SoundCloud app'),
      redirect_port: z.number().int().min(0).max(65535).default(8976),
      url: httpUrl('the SoundCloud API URL').default(DEFAULT_SOUNDCLOUD_URL),
      auth_url: httpUrl('the SoundCloud sign-in URL').default(DEFAULT_SOUNDCLOUD_AUTH_URL),
    }),
    /** Days a "not on SoundCloud" result is trusted before the track is searched again. */
    not_found_ttl_days: z.number().int().min(0).max(365).default(14),
    definitions: z
      .array(definition)
      .superRefine(
        (list, context) => uniqueBy(list, field('name'), context, ['name'], 'playlist name'),
        evenWithProblems,
      )
      .default([]),
  });
}

export function buildConfigSchema(context: ConfigContext) {
  const paths = { baseDir: context.baseDir, home: context.home };
  return z.strictObject({
    database: z
      .strictObject({
        path: localPath('the SQLite database file', paths).default(
          join(context.dataHome, 'shelfsync', 'shelfsync.db'),
        ),
      })
      .prefault({}),
    /** Encrypts stored sign-ins (SoundCloud tokens); also SHELFSYNC_SECRET_KEY or SHELFSYNC_SECRET_KEY_FILE. */
    secret_key: secret(
      'a key of 16+ characters for encrypting stored sign-ins, e.g. from `openssl rand -hex 32`',
    ).optional(),
    timezone: timeZone().default(context.systemTimeZone),
    schedule: cronExpression().default(DEFAULT_SCHEDULE),
    daemon: daemonSection(),
    log: z
      .strictObject({
        file: localPath('the log file', paths).default(join(context.stateHome, 'shelfsync', 'shelfsync.log')),
        level: z.enum(LOG_LEVELS).default('info'),
      })
      .prefault({}),
    books: booksSection().optional(),
    records: recordsSection().optional(),
    playlists: playlistsSection().optional(),
  });
}

export type ConfigSchema = ReturnType<typeof buildConfigSchema>;
/** The loaded config: defaults filled in, paths absolute, secrets read from their files. */
export type Config = z.output<ConfigSchema>;
export type BooksConfig = NonNullable<Config['books']>;
export type BookUserConfig = BooksConfig['users'][number];
export type RecordsConfig = NonNullable<Config['records']>;
export type DaemonConfig = Config['daemon'];
export type PlaylistsConfig = NonNullable<Config['playlists']>;
export type PlaylistDefinition = PlaylistsConfig['definitions'][number];
export type MatchStrategy = (typeof MATCH_STRATEGIES)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A schema with neutral defaults, for reading the structure (env names, secret keys). */
export const structureSchema: ConfigSchema = buildConfigSchema({
  baseDir: '/',
  home: '/',
  dataHome: '/',
  stateHome: '/',
  systemTimeZone: 'UTC',
});
