import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StandInName } from '../../sandbox/core/faults.ts';
import type { BridgeName } from '../../src/sync/bridge.ts';
import { soak } from '../helpers/crash-harness.ts';
import { disposeFaultRun, type FaultRunResult, syncAgainstSandbox } from '../helpers/fault-world.ts';

/**
 * Every fault kind against every upstream a bridge uses. The second request to the service (the
 * first is a cheap identity or login call) fails as the row says; the table holds what must follow.
 *
 * - `retried`: the client tries again within its limits and the run ends as if nothing happened.
 * - `user`: a books user stops alone with one plain line; the other users sync (exit 1).
 * - `bridge`: the only user of the bridge stops with one plain line (exit 3: service unusable).
 */
type Outcome = 'retried' | 'user' | 'bridge';

interface FaultKind {
  name: string;
  /** Rule(s) after the service name; {n} is the request number. */
  rule: string;
  outcome: Outcome;
  /** What the one line says, when the run stops. */
  says?: RegExp;
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
  { name: 'JSON of the wrong shape', rule: 'wrongshape#2', outcome: 'user', says: /could not read/ },
  { name: '401 expired token', rule: '401#2', outcome: 'user', says: /did not accept the credentials/ },
  { name: '500 on every request', rule: '500%1', outcome: 'user', says: /server error/ },
];

const SERVICES: readonly { service: StandInName; bridge: BridgeName }[] = [
  { service: 'discogs', bridge: 'records' },
  { service: 'audiobookshelf', bridge: 'books' },
  { service: 'hardcover', bridge: 'books' },
];

interface Row {
  service: StandInName;
  bridge: BridgeName;
  fault: string;
  spec: string;
  outcome: Outcome;
  exitCode: 0 | 1 | 3;
  says: RegExp | undefined;
}

/** The expected outcome per fault and service: records has one user, so a stop ends the bridge. */
const TABLE: Row[] = SERVICES.flatMap(({ service, bridge }) =>
  FAULTS.map((fault) => {
    const outcome: Outcome = fault.outcome === 'user' && bridge === 'records' ? 'bridge' : fault.outcome;
    const everyRequest = fault.rule.includes('%1');
    // Every request failing stops every books user: the bridge, and so the run, could not reach it.
    const exitCode = outcome === 'retried' ? 0 : outcome === 'bridge' || everyRequest ? 3 : 1;
    return {
      service,
      bridge,
      fault: fault.name,
      spec: fault.rule
        .split(',')
        .map((part) => `${service}:${part.replace(/^@:/, '')}`)
        .join(','),
      outcome,
      exitCode,
      says: fault.says,
    };
  }),
);

/** The default run takes each fault once, turning through the services; the soak run takes all. */
const ROWS = soak
  ? TABLE
  : TABLE.filter((_, index) => index % SERVICES.length === Math.floor(index / FAULTS.length));

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
  it.each(ROWS)(
    '$service $fault ($spec) → $outcome, exit $exitCode',
    async (row) => {
      run = await syncAgainstSandbox({ only: [row.bridge], faults: row.spec });
      const stats = run.stats[row.service];
      expect(Object.values(stats.faults ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(run.exitCode, JSON.stringify(run.report)).toBe(row.exitCode);

      if (row.bridge === 'records') {
        const records = run.report.bridges.records;
        if (row.outcome === 'retried') {
          expect(records).toMatchObject({
            complete: true,
            added: run.sandbox.worlds.records.discogs.collection.length,
          });
        } else {
          const line = oneLine(firstError(run) ?? records?.error);
          expect(line).toMatch(row.says ?? /./);
          expect(line).toMatch(/Discogs/);
        }
      } else {
        const users = Object.entries(run.report.bridges.books?.users ?? {});
        const stoppedUsers = users.filter(([, user]) => user.error !== undefined);
        if (row.outcome === 'retried') {
          expect(stoppedUsers).toEqual([]);
          for (const [, user] of users) expect(user.outcomes.failed).toBe(0);
        } else if (row.exitCode === 3) {
          const line = oneLine(firstError(run));
          expect(line).toMatch(row.says ?? /./);
        } else {
          expect(stoppedUsers).toHaveLength(1);
          const line = oneLine(stoppedUsers[0]?.[1].error);
          expect(line).toMatch(row.says ?? /./);
          expect(users.length).toBeGreaterThan(1);
          const others = users.filter(([, user]) => user.error === undefined);
          const settled = others
            .flatMap(([, user]) => Object.values(user.outcomes))
            .reduce((a, b) => a + b, 0);
          expect(settled).toBeGreaterThan(0);
        }
      }
      if (row.spec.endsWith('%1')) {
        // Retried within limits: the first call and at most four retries per user, then it stops.
        const users = row.bridge === 'records' ? 1 : run.sandbox.worlds.books.people.length;
        expect(stats.requests).toBeLessThanOrEqual(5 * users);
      }
    },
    90_000,
  );
});
