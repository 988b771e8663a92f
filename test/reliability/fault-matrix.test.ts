import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StandInName } from '../../sandbox/core/faults.ts';
import type { BridgeName } from '../../src/sync/bridge.ts';
import { soak } from '../helpers/crash-harness.ts';
import { disposeFaultRun, type FaultRunResult, syncAgainstSandbox } from '../helpers/fault-world.ts';

/**
 * Every fault kind against every upstream a bridge uses. The second request to the service during
 * the sync (the first is a cheap identity call or a first search; a SoundCloud sign-in made before
 * the sync does not count) fails as the row says; the table holds what must follow.
 *
 * - `retried`: the client tries again within its limits (SoundCloud: refreshes the token after a
 *   401) and the run ends as if nothing happened.
 * - `item`: one books user, or one playlist, stops alone with one plain line; the others go on (exit 1).
 * - `bridge`: the whole bridge stops with one plain line (exit 3: the service is unusable). Records
 *   has one user, so whatever stops its user stops the bridge.
 */
type Outcome = 'retried' | 'item' | 'bridge';

interface Expected {
  outcome: Outcome;
  /** What the one line says, when something stops. */
  says?: RegExp;
}

interface FaultKind extends Expected {
  name: string;
  /** Rule(s) after the service name; `@:` continues a burst. Empty: the stand-in is stopped. */
  rule: string;
  /** Where a service answers otherwise than the row's default. */
  except?: Partial<Record<StandInName, Expected>>;
}

const TIMEOUT_MS = 2000;

const FAULTS: readonly FaultKind[] = [
  { name: '429 with Retry-After', rule: '429=1#2', outcome: 'retried' },
  { name: '429 without Retry-After', rule: '429=0#2', outcome: 'retried' },
  { name: 'burst of 500s', rule: '500#2,@:500#3,@:500#4', outcome: 'retried' },
  { name: 'burst of 502s', rule: '502#2,@:502#3', outcome: 'retried' },
  { name: 'burst of 503s', rule: '503#2,@:503#3', outcome: 'retried' },
  { name: 'connection reset', rule: 'reset#2', outcome: 'retried' },
  { name: 'slow past the timeout', rule: `slow=${TIMEOUT_MS * 3}#2`, outcome: 'retried' },
  { name: 'truncated JSON', rule: 'truncated#2', outcome: 'retried' },
  { name: 'not JSON at all', rule: 'malformed#2', outcome: 'retried' },
  { name: 'HTML error page (502)', rule: 'html=502#2', outcome: 'retried' },
  { name: 'HTML page with 200', rule: 'html=200#2', outcome: 'retried' },
  { name: 'JSON of the wrong shape', rule: 'wrongshape#2', outcome: 'item', says: /could not read/ },
  {
    name: '401 expired token',
    rule: '401#2',
    outcome: 'item',
    says: /did not accept the credentials/,
    // SoundCloud access tokens expire by design: the stored refresh token gets a new one.
    except: { soundcloud: { outcome: 'retried' } },
  },
  { name: '500 on every request', rule: '500%1', outcome: 'bridge', says: /server error/ },
  {
    name: 'connection refused (stand-in stopped)',
    rule: '',
    outcome: 'bridge',
    says: /Could not reach .* the connection was refused/,
  },
];

const SERVICES: readonly { service: StandInName; bridge: BridgeName; name: string }[] = [
  { service: 'discogs', bridge: 'records', name: 'Discogs' },
  { service: 'audiobookshelf', bridge: 'books', name: 'Audiobookshelf' },
  { service: 'hardcover', bridge: 'books', name: 'Hardcover' },
  { service: 'soundcloud', bridge: 'playlists', name: 'SoundCloud' },
];

/** What the playlists bridge needs in the same run: the collection records stores. */
const RUN_WITH: Record<BridgeName, BridgeName[]> = {
  books: ['books'],
  records: ['records'],
  playlists: ['records', 'playlists'],
};

/** SoundCloud's API client tries 7 times; the playlist build searches 4 releases at once. */
const MOST_REQUESTS_WHEN_EVERY_REQUEST_FAILS: Record<StandInName, (users: number) => number> = {
  discogs: () => 5,
  audiobookshelf: (users) => 5 * users,
  hardcover: (users) => 5 * users,
  soundcloud: () => 7 * 4,
};

interface Row {
  service: StandInName;
  serviceName: string;
  bridge: BridgeName;
  fault: string;
  /** The fault spec for the sandbox, or `stopped` when the stand-in is stopped instead. */
  spec: string;
  outcome: Outcome;
  exitCode: 0 | 1 | 3;
  says: RegExp | undefined;
  /** Kept in the default (bounded) run: each fault once, turning through the services. */
  inDefault: boolean;
}

/** The expected outcome per fault and service. */
const TABLE: Row[] = SERVICES.flatMap(({ service, bridge, name }, serviceIndex) =>
  FAULTS.map((fault, faultIndex) => {
    const expected = fault.except?.[service] ?? fault;
    const outcome: Outcome =
      expected.outcome === 'item' && bridge === 'records' ? 'bridge' : expected.outcome;
    return {
      service,
      serviceName: name,
      bridge,
      fault: fault.name,
      spec:
        fault.rule === ''
          ? 'stopped'
          : fault.rule
              .split(',')
              .map((part) => `${service}:${part.replace(/^@:/, '')}`)
              .join(','),
      outcome,
      exitCode: outcome === 'retried' ? 0 : outcome === 'bridge' ? 3 : 1,
      says: expected.says,
      inDefault: faultIndex % SERVICES.length === serviceIndex,
    };
  }),
);

const ROWS = soak ? TABLE : TABLE.filter((row) => row.inDefault);

beforeAll(() => {
  process.env.SHELFSYNC_HTTP_TIMEOUT_MS = String(TIMEOUT_MS);
});

let run: FaultRunResult | undefined;
afterEach(async () => {
  await disposeFaultRun(run);
  run = undefined;
});

const errorsSchema = z.array(z.object({ service: z.string(), message: z.string() })).optional();

/** The first whole-bridge failure the run report lists (the engine adds `errors` when a bridge throws). */
function firstError(result: FaultRunResult): string | undefined {
  return errorsSchema.parse((result.report as Record<string, unknown>).errors)?.[0]?.message;
}

function oneLine(message: string | undefined): string {
  expect(message).toBeDefined();
  expect(message).not.toContain('\n');
  return message ?? '';
}

describe('fault matrix: each upstream, each fault', () => {
  it('the default run takes every fault and every service at least once', () => {
    const kept = TABLE.filter((row) => row.inDefault);
    expect(new Set(kept.map((row) => row.fault)).size).toBe(FAULTS.length);
    expect(new Set(kept.map((row) => row.service)).size).toBe(SERVICES.length);
  });

  it.each(ROWS)(
    '$service $fault ($spec) → $outcome, exit $exitCode',
    async (row) => {
      const stopped = row.spec === 'stopped';
      run = await syncAgainstSandbox({
        only: RUN_WITH[row.bridge],
        ...(stopped ? { stopped: [row.service] } : { faults: row.spec }),
      });
      const stats = run.stats[row.service];
      if (!stopped) expect(Object.values(stats.faults ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(run.exitCode, JSON.stringify(run.report)).toBe(row.exitCode);

      if (row.outcome === 'bridge') {
        const line = oneLine(firstError(run));
        expect(line).toMatch(row.says ?? /./);
        expect(line).toContain(row.serviceName);
      } else if (row.bridge === 'records') {
        expect(run.report.bridges.records).toMatchObject({
          complete: true,
          added: run.sandbox.worlds.records.discogs.collection.length,
        });
      } else if (row.bridge === 'playlists') {
        expectPlaylists(run, row);
      } else {
        expectBookUsers(run, row);
      }
      if (row.spec.endsWith('%1')) {
        // Retried within limits, then it stops.
        const users = run.sandbox.worlds.books.people.length;
        expect(stats.requests).toBeLessThanOrEqual(
          MOST_REQUESTS_WHEN_EVERY_REQUEST_FAILS[row.service](users),
        );
      }
    },
    120_000,
  );
});

/** Every playlist built; or, for an `item` row, the first one stopped with a line and the rest built. */
function expectPlaylists(result: FaultRunResult, row: Row): void {
  const playlists = Object.entries(result.report.bridges.playlists ?? {});
  expect(playlists.map(([name]) => name)).toEqual(['Jazz 60s', 'Electronic']);
  const stopped = playlists.filter(([, playlist]) => playlist.error !== undefined);
  const built = playlists.filter(([, playlist]) => playlist.error === undefined);
  expect(result.report.bridges.records).toMatchObject({ complete: true });
  if (row.outcome === 'retried') {
    expect(stopped).toEqual([]);
  } else {
    expect(stopped).toHaveLength(1);
    const line = oneLine(stopped[0]?.[1].error);
    expect(line).toMatch(row.says ?? /./);
    expect(line).toContain(row.serviceName);
  }
  for (const [, playlist] of built) expect(playlist.matched).toBeGreaterThan(0);
  // One playlist per definition on the stand-in, however the requests failed.
  expect(result.stats.soundcloud.playlists).toBe(playlists.length);
}

/** Every user synced; or, for an `item` row, one user stopped with a line and the others synced. */
function expectBookUsers(result: FaultRunResult, row: Row): void {
  const users = Object.entries(result.report.bridges.books?.users ?? {});
  const stoppedUsers = users.filter(([, user]) => user.error !== undefined);
  if (row.outcome === 'retried') {
    expect(stoppedUsers).toEqual([]);
    for (const [, user] of users) expect(user.outcomes.failed).toBe(0);
    return;
  }
  expect(stoppedUsers).toHaveLength(1);
  const line = oneLine(stoppedUsers[0]?.[1].error);
  expect(line).toMatch(row.says ?? /./);
  expect(users.length).toBeGreaterThan(1);
  const others = users.filter(([, user]) => user.error === undefined);
  const settled = others.flatMap(([, user]) => Object.values(user.outcomes)).reduce((a, b) => a + b, 0);
  expect(settled).toBeGreaterThan(0);
}
