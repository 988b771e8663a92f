import { findShelfsyncError } from '../../core/errors.ts';
import { MAX_FIELDS_PER_REQUEST, type WriteCall, type WriteResult } from '../../upstream/hardcover/writes.ts';
import type { HardcoverSession } from './hardcover-session.ts';
import type { PlanStep } from './plan-types.ts';

/**
 * Performs planned writes: new user books first (their ids are needed by the writes after them),
 * then every other write, packed up to five to a request with each book's writes kept together and
 * in order (mutations in one request run one after another). Each request's settled books are
 * handed to `settle` at once, so the local memory follows Hardcover request by request.
 */

export interface WriteJob {
  key: string;
  steps: readonly PlanStep[];
}

export type JobResult =
  | { key: string; status: 'done' }
  | { key: string; status: 'failed'; error: string }
  /** Not (fully) written: the quota ran out or the run was interrupted. */
  | { key: string; status: 'waiting'; reason: string };

type Settle = (results: JobResult[]) => Promise<void>;

/** Errors that end this user's run rather than one book's writes. */
function stopsRun(error: unknown): boolean {
  const code = findShelfsyncError(error)?.code;
  return (
    code === 'quota_exhausted' || code === 'interrupted' || code === 'auth_failed' || code === 'forbidden'
  );
}

function callOf(step: PlanStep, userBookId: number | undefined): WriteCall {
  const owner = (id: number | undefined) => {
    const resolved = id ?? userBookId;
    if (resolved === undefined) throw new Error('a write step has no user book to act on');
    return resolved;
  };
  switch (step.kind) {
    case 'add_book':
      return {
        kind: 'insert_user_book',
        object: {
          book_id: step.bookId,
          status_id: step.statusId,
          edition_id: step.editionId,
          ...(step.startDate ? { user_start_date: step.startDate } : {}),
        },
      };
    case 'insert_read':
      return { kind: 'insert_read', userBookId: owner(step.userBookId), read: step.read };
    case 'fill_open_read':
      return { kind: 'insert_read', userBookId: owner(undefined), read: step.read };
    case 'update_read':
      return { kind: 'update_read', readId: step.readId, read: step.read };
    case 'set_status':
      return {
        kind: 'update_user_book',
        userBookId: owner(step.userBookId),
        object: { status_id: step.statusId },
      };
  }
}

/** The calls after `add_book`, given what Hardcover answered to it. */
function followUps(steps: readonly PlanStep[], added: WriteResult): WriteCall[] {
  const userBookId = added.id ?? undefined;
  return steps.slice(1).map((step) => {
    if (step.kind !== 'fill_open_read') return callOf(step, userBookId);
    // Some Hardcover setups open a read when a book is added as Currently Reading: fill that one.
    const opened = added.reads.filter((read) => read.finished_at === null).at(-1);
    return opened ? { kind: 'update_read', readId: opened.id, read: step.read } : callOf(step, userBookId);
  });
}

interface Pending {
  key: string;
  calls: WriteCall[];
}

export async function applyJobs(
  session: HardcoverSession,
  jobs: readonly WriteJob[],
  settle: Settle,
): Promise<JobResult[]> {
  const results = new Map<string, JobResult>();
  const finish = async (batch: JobResult[]) => {
    for (const result of batch) results.set(result.key, result);
    await settle(batch);
  };
  const second: Pending[] = [];
  const adds = jobs.filter((job) => job.steps[0]?.kind === 'add_book');
  let stopped: unknown;

  for (let i = 0; i < adds.length && stopped === undefined; i += MAX_FIELDS_PER_REQUEST) {
    const batch = adds.slice(i, i + MAX_FIELDS_PER_REQUEST);
    try {
      const answers = await session.writes(batch.map((job) => callOf(job.steps[0] as PlanStep, undefined)));
      const failed: JobResult[] = [];
      batch.forEach((job, index) => {
        const answer = answers[index] as WriteResult;
        if (answer.error || answer.id === null) {
          failed.push({
            key: job.key,
            status: 'failed',
            error: answer.error ?? 'Hardcover did not add the book',
          });
        } else {
          second.push({ key: job.key, calls: followUps(job.steps, answer) });
        }
      });
      await finish(failed);
    } catch (error) {
      if (stopsRun(error)) stopped = error;
      else await finish(batch.map((job) => ({ key: job.key, status: 'failed', error: message(error) })));
    }
  }
  for (const job of jobs) {
    if (job.steps[0]?.kind !== 'add_book')
      second.push({ key: job.key, calls: job.steps.map((s) => callOf(s, undefined)) });
  }

  let batch: Pending[] = [];
  const flush = async () => {
    if (batch.length === 0 || stopped !== undefined) return;
    const sending = batch;
    batch = [];
    try {
      const answers = await session.writes(sending.flatMap((job) => job.calls));
      let offset = 0;
      const settled = sending.map((job): JobResult => {
        const mine = answers.slice(offset, offset + job.calls.length);
        offset += job.calls.length;
        const error = mine.find((answer) => answer.error)?.error;
        return error ? { key: job.key, status: 'failed', error } : { key: job.key, status: 'done' };
      });
      await finish(settled);
    } catch (error) {
      if (stopsRun(error)) stopped = error;
      else await finish(sending.map((job) => ({ key: job.key, status: 'failed', error: message(error) })));
    }
  };
  for (const job of second) {
    const size = batch.reduce((sum, pending) => sum + pending.calls.length, 0);
    if (size + job.calls.length > MAX_FIELDS_PER_REQUEST) await flush();
    if (stopped !== undefined) break;
    batch.push(job);
  }
  await flush();

  const left = jobs
    .filter((job) => !results.has(job.key))
    .map((job): JobResult => ({ key: job.key, status: 'waiting', reason: waitingReason(stopped) }));
  if (left.length > 0) await settle(left);
  for (const result of left) results.set(result.key, result);
  const code = findShelfsyncError(stopped)?.code;
  if (stopped !== undefined && (code === 'auth_failed' || code === 'forbidden')) throw stopped;
  return jobs.map((job) => results.get(job.key) as JobResult);
}

export function waitingReason(stop: unknown): string {
  return findShelfsyncError(stop)?.code === 'interrupted'
    ? 'the run was interrupted before it was written'
    : 'waiting for Hardcover quota';
}

function message(error: unknown): string {
  return findShelfsyncError(error)?.message ?? (error instanceof Error ? error.message : String(error));
}
