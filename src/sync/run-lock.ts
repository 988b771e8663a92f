import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { type Clock, systemClock } from '../core/clock.ts';
import type { Database } from '../core/db/database.ts';
import type { RunLockTable } from '../core/db/tables/platform.ts';
import { ShelfsyncError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';

/** How often a holder refreshes its heartbeat, and after how long without one a lock is stale. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 60_000;
const POLL_MS = 200;

/** Owners held by this process, so a lock row with our pid but another owner is known to be stale. */
const ownersHere = new Set<string>();

export interface RunLockOptions {
  /** What takes it: "sync", "daemon", "interactive", "demo". */
  command: string;
  /** How long to wait for another run to finish before giving up. */
  waitMs: number;
  /** A dry run writes nothing, not even the lock: it only waits until no real run holds it. */
  dryRun: boolean;
  logger: Logger;
  clock?: Clock;
  signal?: AbortSignal;
}

export interface RunLock {
  /** Gives the database back; safe to call twice. */
  release(): Promise<void>;
  /** The dead or silent holder this lock was taken over from, if it was. */
  readonly tookOverFrom?: LockRow;
}

export type LockRow = Omit<RunLockTable, 'id'>;

/**
 * One run per database. The lock is a row in the database itself, so it follows the file wherever
 * it is opened from; a holder that died (its pid is gone on this host) or stopped refreshing its
 * heartbeat is taken over. Every change is a single compare-and-set statement, so two processes
 * racing for a free or stale lock cannot both win.
 */
export async function acquireRunLock(database: Database, options: RunLockOptions): Promise<RunLock> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + options.waitMs;
  const mine: LockRow = {
    owner: randomUUID(),
    pid: process.pid,
    host: hostname(),
    command: options.command,
    acquired_at: 0,
    heartbeat_at: 0,
  };
  for (;;) {
    const holder = await currentHolder(database);
    const stale = holder !== undefined && isStale(holder, clock.now());
    if (options.dryRun) {
      if (holder === undefined || stale) return { release: async () => {} };
    } else if (holder === undefined || stale) {
      const now = clock.now();
      const row = { ...mine, acquired_at: now, heartbeat_at: now };
      if (await take(database, row, stale ? holder : undefined)) {
        if (stale) options.logger.warn({ holder }, 'took over a stale run lock');
        return hold(database, row, clock, options.logger, stale ? holder : undefined);
      }
      continue; // Someone else won the race; look again.
    }
    if (clock.now() >= deadline) throw busyError(database.path, holder, clock.now());
    await delay(Math.min(POLL_MS, Math.max(1, deadline - clock.now())), undefined, {
      signal: options.signal,
    }).catch(() => {
      throw interruptedError();
    });
  }
}

async function currentHolder(database: Database): Promise<LockRow | undefined> {
  return database.db
    .selectFrom('run_lock')
    .select(['owner', 'pid', 'host', 'command', 'acquired_at', 'heartbeat_at'])
    .executeTakeFirst();
}

async function take(database: Database, row: LockRow, stale: LockRow | undefined): Promise<boolean> {
  if (stale === undefined) {
    const result = await database.db
      .insertInto('run_lock')
      .values({ id: 1, ...row })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const result = await database.db
    .updateTable('run_lock')
    .set(row)
    .where('id', '=', 1)
    .where('owner', '=', stale.owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function hold(
  database: Database,
  row: LockRow,
  clock: Clock,
  logger: Logger,
  tookOverFrom: LockRow | undefined,
): RunLock {
  ownersHere.add(row.owner);
  let beating: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    beating = database.db
      .updateTable('run_lock')
      .set({ heartbeat_at: clock.now() })
      .where('owner', '=', row.owner)
      .executeTakeFirst()
      .then((result) => {
        if (Number(result.numUpdatedRows) === 0) logger.error('the run lock was taken over by another run');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not refresh the run lock'));
  }, HEARTBEAT_MS);
  timer.unref();
  let released: Promise<void> | undefined;
  return {
    ...(tookOverFrom ? { tookOverFrom } : {}),
    release() {
      released ??= (async () => {
        clearInterval(timer);
        await beating;
        await database.db.deleteFrom('run_lock').where('owner', '=', row.owner).execute();
        ownersHere.delete(row.owner);
      })();
      return released;
    },
  };
}

/** A holder is stale when its heartbeat stopped, or when it ran on this host and its process is gone. */
export function isStale(holder: LockRow, now: number): boolean {
  if (now - holder.heartbeat_at > STALE_AFTER_MS) return true;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !ownersHere.has(holder.owner);
  return !processAlive(holder.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyError(path: string, holder: LockRow, now: number): ShelfsyncError {
  const since = Math.max(0, Math.round((now - holder.acquired_at) / 1000));
  return new ShelfsyncError(
    `another shelfsync run (${holder.command}, pid ${holder.pid} on ${holder.host}, started ${since} s ago) ` +
      `is using the database ${path}; try again when it has finished`,
    { code: 'conflict', service: 'shelfsync' },
  );
}

function interruptedError(): ShelfsyncError {
  return new ShelfsyncError('stopped while waiting for another run to finish', {
    code: 'interrupted',
    service: 'shelfsync',
  });
}
