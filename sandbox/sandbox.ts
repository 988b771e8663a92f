import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, systemClock } from '../src/core/clock.ts';
import { createAudiobookshelfStandIn } from './audiobookshelf/stand-in.ts';
import { generateBookWorld } from './books/generate.ts';
import type { BookWorld } from './books/world.ts';
import { sandboxConfigYaml } from './config-file.ts';
import { parseFaultSpec, type StandInName } from './core/faults.ts';
import { type RunningStandIn, startStandIn } from './core/stand-in.ts';
import { createDiscogsStandIn } from './discogs/stand-in.ts';
import { createHardcoverStandIn } from './hardcover/stand-in.ts';
import { generateRecordWorld } from './records/generate.ts';
import type { RecordWorld } from './records/world.ts';
import { createSoundcloudStandIn } from './soundcloud/stand-in.ts';

export interface SandboxOptions {
  seed?: number;
  books?: number;
  records?: number;
  /** Multiplies every rate-limit refill; 1 = the vendors' real limits. */
  rateScale?: number;
  /** Fault spec, see sandbox/core/faults.ts. */
  faults?: string;
  clock?: Clock;
  /** SoundCloud access-token lifetime; short values let tests see expiry. */
  soundcloudTokenTtlSeconds?: number;
  /** Hardcover units per token per UTC day, exactly (not rate-scaled); default 5,000 × rateScale. */
  hardcoverDailyQuota?: number;
  /** Setting Currently Reading opens a read dated today (default true); false: no read is opened. */
  hardcoverStatusOpensRead?: boolean;
  /** `update_user_book_read`: `replace` (default) nulls fields left out, `merge` changes only given ones. */
  hardcoverReadUpdate?: 'replace' | 'merge';
}

/** The JSON line `shelfsync sandbox --json` prints (shape fixed by PRODUCT.md). */
export interface SandboxInfo {
  audiobookshelf: {
    url: string;
    users: { id: string; absUserId: string; username: string; token: string }[];
  };
  hardcover: {
    url: string;
    tokens: string[];
    users: { id: string; hardcoverUserId: number; token: string }[];
  };
  discogs: { url: string; username: string; token: string };
  soundcloud: { url: string; authUrl: string; clientId: string; clientSecret: string };
  config: string;
  dir: string;
}

export interface Sandbox {
  info: SandboxInfo;
  standIns: Record<StandInName, RunningStandIn>;
  worlds: { books: BookWorld; records: RecordWorld };
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const env = { clock: options.clock ?? systemClock, rateScale: options.rateScale ?? 1 };
  const start = { faults: parseFaultSpec(options.faults ?? ''), seed };
  const books = generateBookWorld({ seed, books: options.books ?? 200 });
  const records = generateRecordWorld({ seed, records: options.records ?? 500 });

  const abs = createAudiobookshelfStandIn(books.audiobookshelf);
  const hardcover = createHardcoverStandIn(books.hardcover, {
    dailyQuota: options.hardcoverDailyQuota,
    statusOpensRead: options.hardcoverStatusOpensRead,
    readUpdate: options.hardcoverReadUpdate,
  });
  const discogs = createDiscogsStandIn(records.discogs);
  const soundcloud = createSoundcloudStandIn(records.soundcloud, {
    accessTokenTtlSeconds: options.soundcloudTokenTtlSeconds ?? 3600,
  });

  const started: RunningStandIn[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'shelfsync-sandbox-'));
  try {
    for (const build of [abs.build, hardcover.build, discogs.build, soundcloud.build]) {
      started.push(await startStandIn(build, env, start));
    }
    const [absServer, hcServer, discogsServer, scServer] = started as [
      RunningStandIn,
      RunningStandIn,
      RunningStandIn,
      RunningStandIn,
    ];
    const endpoints = {
      audiobookshelf: absServer.origin,
      hardcover: `${hcServer.origin}/v1/graphql`,
      discogs: discogsServer.origin,
      soundcloud: scServer.origin,
    };
    const config = join(dir, 'config.yaml');
    await writeFile(config, sandboxConfigYaml({ dir, endpoints, books, records, absTokens: abs.apiKeys }), {
      mode: 0o600,
    });
    await chmod(config, 0o600);

    const hardcoverUsers = books.people.map((person) => ({
      id: person.id,
      hardcoverUserId: person.hardcoverUserId,
      token: books.hardcover.users.find((user) => user.id === person.hardcoverUserId)?.token ?? '',
    }));
    const info: SandboxInfo = {
      audiobookshelf: {
        url: endpoints.audiobookshelf,
        users: books.people.map((person) => ({
          id: person.id,
          absUserId: person.absUserId,
          username:
            books.audiobookshelf.users.find((user) => user.id === person.absUserId)?.username ?? person.id,
          token: abs.apiKeys[person.absUserId] ?? '',
        })),
      },
      hardcover: {
        url: endpoints.hardcover,
        tokens: hardcoverUsers.map((user) => user.token),
        users: hardcoverUsers,
      },
      discogs: {
        url: endpoints.discogs,
        username: records.discogs.user.username,
        token: records.discogs.user.token,
      },
      soundcloud: {
        url: endpoints.soundcloud,
        authUrl: endpoints.soundcloud,
        clientId: records.soundcloud.app.clientId,
        clientSecret: records.soundcloud.app.clientSecret,
      },
      config,
      dir,
    };
    let stopped = false;
    return {
      info,
      standIns: {
        audiobookshelf: absServer,
        hardcover: hcServer,
        discogs: discogsServer,
        soundcloud: scServer,
      },
      worlds: { books, records },
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await Promise.all(started.map((server) => server.stop()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((server) => server.stop()));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
