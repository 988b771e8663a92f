import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timerSleep } from '../../src/core/http/sleep.ts';

/** Whether `promise` has settled, and how, without waiting for it. */
function watch(promise: Promise<void>) {
  const state: { settled: 'pending' | 'resolved' | 'rejected'; reason?: unknown } = { settled: 'pending' };
  promise.then(
    () => {
      state.settled = 'resolved';
    },
    (reason: unknown) => {
      state.settled = 'rejected';
      state.reason = reason;
    },
  );
  return state;
}

describe('timerSleep, the default retry wait', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits exactly the time it is given', async () => {
    const sleep = watch(timerSleep(1000));
    await vi.advanceTimersByTimeAsync(999);
    expect(sleep.settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(sleep.settled).toBe('resolved');
  });

  it('waits the time it is given with a signal too, and then stops listening to it', async () => {
    const controller = new AbortController();
    const sleep = watch(timerSleep(250, controller.signal));
    await vi.advanceTimersByTimeAsync(249);
    expect(sleep.settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(sleep.settled).toBe('resolved');
    controller.abort(new Error('too late'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sleep.settled).toBe('resolved');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends at once with the signal’s reason when aborted while waiting, leaving no timer behind', async () => {
    const controller = new AbortController();
    const sleep = watch(timerSleep(60_000, controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error('closed');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(sleep).toEqual({ settled: 'rejected', reason });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not start waiting when the signal is already aborted', async () => {
    const reason = new Error('closed before');
    const sleep = watch(timerSleep(60_000, AbortSignal.abort(reason)));
    await vi.advanceTimersByTimeAsync(0);
    expect(sleep).toEqual({ settled: 'rejected', reason });
    expect(vi.getTimerCount()).toBe(0);
  });
});
