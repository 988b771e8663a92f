import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timerSleep } from '../../src/core/http/sleep.ts';

describe('timerSleep on a long-lived signal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves no listener behind after each wait, so a client’s many retry waits do not pile up', async () => {
    // A client hands every retry wait the same signal, which lives as long as the client.
    const controller = new AbortController();
    for (let wait = 0; wait < 3; wait++) {
      const sleeping = timerSleep(100, controller.signal);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(100);
      await sleeping;
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
  });
});
