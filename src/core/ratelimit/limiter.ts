import Bottleneck from 'bottleneck';
import { type Service, ShelfsyncError } from '../errors.ts';
import { serviceName } from '../http/service-names.ts';
import { type RateLimitInfo, remainingUnits } from './headers.ts';

export interface RateLimiterOptions {
  /** Token-bucket size: the most units that may go out at once after a quiet spell. Omit for no bucket. */
  burst?: number;
  /** Units added to the bucket every `refillIntervalMs` (never above `burst`). Required with `burst`. */
  refillAmount?: number;
  refillIntervalMs?: number;
  /** Most requests in flight at once. Omit for no bound here (the connection pool still bounds it). */
  maxConcurrent?: number;
  /**
   * A server that counts requests over a moving window (Discogs: 60 in any 60 s) and states its limit
   * in its headers. Requests are spaced so that no window holds more than `limit - 2` of them (see
   * `spacingFor`), starting from `assumedLimit` and following the limit the server states.
   */
  movingWindow?: { windowMs: number; assumedLimit: number };
}

export interface ScheduleOptions {
  /** 0 (most urgent) to 9; 5 by default. Waiting jobs with a lower number go first. */
  priority?: number;
  /** Units this job costs from the bucket (Hardcover: top-level fields); 1 by default. */
  units?: number;
}

/** What a running job can tell its limiter. */
export interface ScheduledJob {
  /**
   * Follows what the server's answer to this job says of its limits, as `RateLimiter.observe` does,
   * knowing that the server has counted this job's units but maybe not those of other jobs in flight.
   */
  observe(info: RateLimitInfo): Promise<void>;
}

export interface RateLimiter {
  /** Runs `task` once the bucket and the concurrency bound allow; rejects when the task does. */
  schedule<T>(task: (job: ScheduledJob) => Promise<T>, options?: ScheduleOptions): Promise<T>;
  /**
   * Lowers the bucket when the server says fewer units remain than we think; never raises it. For an
   * answer that belongs to no job here, so every job in flight counts as not yet seen by the server.
   */
  observe(info: RateLimitInfo): Promise<void>;
  /** Empties the bucket, e.g. after a 429, so queued jobs wait for the refill. */
  drain(): Promise<void>;
  /** Units left in the bucket, or null without a bucket. */
  available(): Promise<number | null>;
  /** Milliseconds kept between two requests of a moving-window limiter, or null without one. */
  spacingMs(): number | null;
  /** Jobs waiting for their turn. */
  waiting(): number;
  /** Rejects every waiting job and releases the limiter's timers. */
  stop(): Promise<void>;
}

const DEFAULT_PRIORITY = 5;

export function createRateLimiter(service: Service, options: RateLimiterOptions = {}): RateLimiter {
  validate(service, options);
  const { burst, refillAmount, refillIntervalMs, maxConcurrent } = options;
  // Two limiters because Bottleneck charges a job's weight against both the bucket and maxConcurrent:
  // a Hardcover request costing 3 units is still only one request in flight.
  const bucket =
    burst === undefined
      ? undefined
      : new Bottleneck(bucketSettings(burst, refillAmount ?? 1, refillIntervalMs ?? 1000));
  const slots = maxConcurrent === undefined ? undefined : new Bottleneck({ maxConcurrent });
  // Spacing applies to the moment a request goes out, so it runs last, inside the concurrency slot.
  const pacer = options.movingWindow ? createPacer(options.movingWindow) : undefined;
  let stopped = false;
  let unitsInFlight = 0;

  async function schedule<T>(task: (job: ScheduledJob) => Promise<T>, job: ScheduleOptions = {}): Promise<T> {
    if (stopped) throw stoppedError(service);
    const units = job.units ?? 1;
    if (!Number.isInteger(units) || units < 0) {
      throw internal(service, `a request must cost a whole number of units, got ${units}`);
    }
    if (units > (burst ?? Number.POSITIVE_INFINITY)) {
      throw internal(service, `a request costing ${units} units can never fit a bucket of ${burst}`);
    }
    const priority = clampPriority(job.priority);
    const counted = async () => {
      unitsInFlight += units;
      try {
        return await task({ observe: (info) => follow(info, units) });
      } finally {
        unitsInFlight -= units;
      }
    };
    // No priority for the pacer: Bottleneck queues and registers each job before it takes the next, and
    // a pacer has no bound that keeps a job queued, so the order is set by the slots and the bucket.
    const paced = pacer ? () => pacer.limiter.schedule(counted) : counted;
    const inSlot = slots ? () => slots.schedule({ priority, weight: 1 }, paced) : paced;
    try {
      return await (bucket ? bucket.schedule({ priority, weight: units }, inSlot) : inSlot());
    } catch (error) {
      if (error instanceof Bottleneck.BottleneckError) throw stoppedError(service, error);
      throw error;
    }
  }

  /**
   * Brings the bucket down to what the server says remains. The server refills continuously and states
   * a whole number, so it holds `remaining` plus a fraction we cannot see, less whatever it has not yet
   * counted of the requests still in flight. When our bucket is level with that, the next refill step,
   * which Bottleneck times from its own last step, could land before the server's next whole unit and
   * earn a 429; so the next step is put a full interval after this answer instead.
   */
  async function followServer(remaining: number, uncountedUnits: number): Promise<void> {
    if (!bucket || stopped) return;
    // A bucket is made with a reservoir, so Bottleneck never answers null here.
    const current = (await bucket.currentReservoir()) ?? 0;
    // Stryker disable next-line EqualityOperator: lowering the bucket by 0 units leaves it as it was
    if (remaining < current) await bucket.incrementReservoir(remaining - current);
    if (Math.min(current, remaining) >= remaining - uncountedUnits) restartRefillInterval(bucket);
  }

  async function follow(info: RateLimitInfo, answeredUnits: number): Promise<void> {
    // A server that states no count sets no cap.
    const remaining = Math.floor(remainingUnits(info) ?? Number.POSITIVE_INFINITY);
    await followServer(remaining, unitsInFlight - answeredUnits);
    const limit = info.window?.limit ?? 0;
    if (pacer && limit >= 1 && !stopped) pacer.follow(limit);
  }

  return {
    schedule,
    observe: (info) => follow(info, 0),
    drain: () => followServer(0, 0),
    available: async () => (bucket ? bucket.currentReservoir() : null),
    spacingMs: () => (pacer ? pacer.spacingMs() : null),
    waiting: () => (bucket?.queued() ?? 0) + (slots?.queued() ?? 0) + (pacer?.waiting() ?? 0),
    async stop() {
      if (stopped) return;
      stopped = true;
      // Bottleneck's default for stop() drops the waiting jobs; schedule() turns that into stoppedError.
      const limiters = [bucket, slots, pacer?.limiter];
      await Promise.all(limiters.map((limiter) => limiter?.stop()));
      await Promise.all(limiters.map((limiter) => limiter?.disconnect()));
    },
  };
}

/**
 * Bottleneck adds the refill on a heartbeat (250 ms by default) and counts the next interval from the
 * beat that noticed, so each refill can come a whole beat late and the lateness adds up: at a unit a
 * second that is up to a quarter of the time wasted. A beat of a fiftieth of the interval (5 to 20 ms)
 * keeps refills within a few percent of due; it never makes them early, so the rate stays the same.
 */
export function heartbeatFor(refillIntervalMs: number): number {
  return Math.min(20, Math.max(5, Math.round(refillIntervalMs / 50)));
}

/**
 * Makes Bottleneck count the next refill interval from now. Bottleneck has no public way to do this;
 * its local store keeps the time of the last refill step in `_lastReservoirIncrease` (set on every
 * step, even when the bucket is full), which its heartbeat compares against. The version is pinned,
 * and tests fail if the field stops having this effect.
 */
function restartRefillInterval(bucket: Bottleneck): void {
  (bucket as unknown as { _store: { _lastReservoirIncrease: number } })._store._lastReservoirIncrease =
    Date.now();
}

function bucketSettings(burst: number, refillAmount: number, refillIntervalMs: number) {
  // `heartbeatInterval` is read by Bottleneck's local store (lib/LocalDatastore.js); its types leave it out.
  const settings: Bottleneck.ConstructorOptions & { heartbeatInterval: number } = {
    reservoir: burst,
    reservoirIncreaseAmount: refillAmount,
    reservoirIncreaseInterval: refillIntervalMs,
    reservoirIncreaseMaximum: burst,
    heartbeatInterval: heartbeatFor(refillIntervalMs),
  };
  return settings;
}

/** Spaces requests for a server that counts them over a moving window, following the limit it states. */
function createPacer({ windowMs, assumedLimit }: { windowMs: number; assumedLimit: number }) {
  let spacingMs = spacingFor(windowMs, assumedLimit);
  const limiter = new Bottleneck({ minTime: spacingMs });
  return {
    limiter,
    spacingMs: () => spacingMs,
    // Nothing keeps a job queued here: each is booked a moment at once (Bottleneck's RUNNING) and waits for it.
    waiting: () => limiter.counts().RUNNING,
    follow(limit: number) {
      spacingMs = spacingFor(windowMs, limit);
      limiter.updateSettings({ minTime: spacingMs });
    },
  };
}

/**
 * The gap between requests that keeps any window of `windowMs` to at most `limit - 2` requests: the
 * first of `limit - 1` requests spaced `gap` apart is out of the window when the last one arrives.
 * Two to spare: one for a request sent just before by another client on the same address (an
 * earlier run, a second command), one for network jitter that brings two arrivals closer.
 */
export function spacingFor(windowMs: number, limit: number): number {
  const allowed = Math.max(1, Math.floor(limit) - 2);
  return Math.ceil(windowMs / allowed);
}

function clampPriority(priority = DEFAULT_PRIORITY): number {
  if (!Number.isFinite(priority)) return DEFAULT_PRIORITY;
  return Math.min(9, Math.max(0, Math.round(priority)));
}

function validate(service: Service, options: RateLimiterOptions): void {
  const { burst, refillAmount, refillIntervalMs, maxConcurrent } = options;
  const positiveInteger = (value: number | undefined) =>
    value === undefined || (Number.isInteger(value) && value > 0);
  const windowMs = options.movingWindow?.windowMs;
  const assumedLimit = options.movingWindow?.assumedLimit;
  for (const [name, value] of Object.entries({
    burst,
    refillAmount,
    refillIntervalMs,
    maxConcurrent,
    windowMs,
    assumedLimit,
  })) {
    if (!positiveInteger(value)) throw internal(service, `limiter ${name} must be a positive integer`);
  }
  if (burst !== undefined && (refillAmount === undefined || refillIntervalMs === undefined)) {
    throw internal(service, 'a limiter with a burst needs refillAmount and refillIntervalMs');
  }
}

function internal(service: Service, message: string): ShelfsyncError {
  return new ShelfsyncError(`Rate limiter for ${serviceName(service)}: ${message}.`, {
    code: 'internal',
    service,
  });
}

function stoppedError(service: Service, cause?: unknown): ShelfsyncError {
  return new ShelfsyncError(
    `The ${serviceName(service)} client was closed before this request could be sent.`,
    {
      code: 'interrupted',
      service,
      cause,
    },
  );
}
