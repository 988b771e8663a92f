/**
 * Fault injection for the stand-ins. A spec is a comma-separated list of rules:
 *
 *   <service>:<fault>[=<arg>](@<rate> | #<n> | %<n>)
 *
 * service: audiobookshelf (abs), hardcover (hc), discogs, soundcloud (sc), or * for all.
 * fault:   429 (arg: Retry-After seconds, default 1; =0 sends no Retry-After), 500, 502, 503,
 *          401 (the token refused), reset (connection dropped), slow (arg: delay in ms, default 2000),
 *          truncated (JSON cut short), malformed (not JSON), html (a proxy's HTML error page; arg:
 *          its status, default 502), wrongshape (200 with JSON of another shape).
 * when:    @0.1 on 10% of requests (seeded, so repeatable), #5 on the 5th request only,
 *          %5 on every 5th request.
 *
 * Example: "hardcover:429=2@0.1,discogs:503#3,*:reset%50"
 */
import { Random } from './random.ts';

export type StandInName = 'audiobookshelf' | 'hardcover' | 'discogs' | 'soundcloud';

export type FaultKind =
  | '429'
  | '500'
  | '502'
  | '503'
  | '401'
  | 'reset'
  | 'slow'
  | 'truncated'
  | 'malformed'
  | 'html'
  | 'wrongshape';

export type FaultTrigger =
  | { type: 'rate'; rate: number }
  | { type: 'nth'; n: number }
  | { type: 'every'; n: number };

export interface FaultRule {
  service: StandInName | '*';
  kind: FaultKind;
  arg: number | undefined;
  trigger: FaultTrigger;
}

const SERVICE_ALIASES: Record<string, StandInName | '*'> = {
  '*': '*',
  abs: 'audiobookshelf',
  audiobookshelf: 'audiobookshelf',
  hc: 'hardcover',
  hardcover: 'hardcover',
  discogs: 'discogs',
  sc: 'soundcloud',
  soundcloud: 'soundcloud',
};

const KINDS: readonly FaultKind[] = [
  '429',
  '500',
  '502',
  '503',
  '401',
  'reset',
  'slow',
  'truncated',
  'malformed',
  'html',
  'wrongshape',
];

const RULE = /^([a-z*]+):([a-z0-9]+)(?:=(\d+(?:\.\d+)?))?(?:@(\d*\.?\d+)|#(\d+)|%(\d+))$/;

export class FaultSpecError extends Error {}

export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const raw of spec.split(',')) {
    const text = raw.trim();
    if (!text) continue;
    const m = RULE.exec(text);
    if (!m) {
      throw new FaultSpecError(
        `bad fault rule "${text}": expected <service>:<fault>[=<arg>] followed by @<rate>, #<n> or %<n>, e.g. hardcover:429@0.1`,
      );
    }
    const [, serviceText = '', kindText = '', argText, rateText, nthText, everyText] = m;
    const service = SERVICE_ALIASES[serviceText];
    if (!service) {
      throw new FaultSpecError(
        `bad fault rule "${text}": unknown service "${serviceText}" (audiobookshelf, hardcover, discogs, soundcloud or *)`,
      );
    }
    if (!(KINDS as readonly string[]).includes(kindText)) {
      throw new FaultSpecError(`bad fault rule "${text}": unknown fault "${kindText}" (${KINDS.join(', ')})`);
    }
    let trigger: FaultTrigger;
    if (rateText !== undefined) {
      const rate = Number(rateText);
      if (!(rate >= 0 && rate <= 1))
        throw new FaultSpecError(`bad fault rule "${text}": a rate is between 0 and 1`);
      trigger = { type: 'rate', rate };
    } else if (nthText !== undefined) {
      trigger = { type: 'nth', n: Number(nthText) };
    } else {
      trigger = { type: 'every', n: Number(everyText) };
    }
    if (trigger.type !== 'rate' && trigger.n < 1)
      throw new FaultSpecError(`bad fault rule "${text}": counts start at 1`);
    rules.push({
      service,
      kind: kindText as FaultKind,
      arg: argText === undefined ? undefined : Number(argText),
      trigger,
    });
  }
  return rules;
}

/** Decides, request by request, which fault (if any) a stand-in injects. */
export class FaultPlan {
  private readonly rules: FaultRule[];
  private readonly random: Random;
  private count = 0;

  constructor(rules: readonly FaultRule[], service: StandInName, seed: number) {
    this.rules = rules.filter((rule) => rule.service === '*' || rule.service === service);
    this.random = new Random(seed).fork(`faults:${service}`);
  }

  /** Call once per request, in arrival order. */
  next(): FaultRule | undefined {
    this.count += 1;
    let chosen: FaultRule | undefined;
    for (const rule of this.rules) {
      // Every rate rule draws on every request, so one rule's outcome does not shift another's.
      const fires =
        rule.trigger.type === 'rate'
          ? this.random.chance(rule.trigger.rate)
          : rule.trigger.type === 'nth'
            ? this.count === rule.trigger.n
            : this.count % rule.trigger.n === 0;
      if (fires && !chosen) chosen = rule;
    }
    return chosen;
  }
}
