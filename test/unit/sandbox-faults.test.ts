import { describe, expect, it } from 'vitest';
import { FaultPlan, FaultSpecError, parseFaultSpec } from '../../sandbox/core/faults.ts';

describe('parseFaultSpec', () => {
  it('reads services, faults, arguments and triggers', () => {
    expect(parseFaultSpec('hardcover:429=2@0.1, discogs:503#3,*:reset%50,abs:slow=150@1')).toEqual([
      { service: 'hardcover', kind: '429', arg: 2, trigger: { type: 'rate', rate: 0.1 } },
      { service: 'discogs', kind: '503', arg: undefined, trigger: { type: 'nth', n: 3 } },
      { service: '*', kind: 'reset', arg: undefined, trigger: { type: 'every', n: 50 } },
      { service: 'audiobookshelf', kind: 'slow', arg: 150, trigger: { type: 'rate', rate: 1 } },
    ]);
  });

  it('accepts an empty spec', () => {
    expect(parseFaultSpec('')).toEqual([]);
  });

  it.each([
    ['hardcover:429', /followed by @<rate>/],
    ['spotify:500#1', /unknown service "spotify"/],
    ['discogs:404#1', /unknown fault "404"/],
    ['discogs:500@1.5', /between 0 and 1/],
    ['discogs:500#0', /counts start at 1/],
  ])('rejects %s with a message that says why', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('FaultPlan', () => {
  const fired = (plan: FaultPlan, count: number) =>
    Array.from({ length: count }, () => plan.next()?.kind ?? '-').join('');

  it('fires an nth rule once and an every rule periodically', () => {
    const plan = new FaultPlan(parseFaultSpec('discogs:500#2,discogs:503%4'), 'discogs', 1);
    expect(fired(plan, 8)).toBe('-500-503---503');
  });

  it('ignores rules for other services', () => {
    const plan = new FaultPlan(parseFaultSpec('hardcover:500%1'), 'discogs', 1);
    expect(fired(plan, 3)).toBe('---');
  });

  it('fires a rate rule about as often as asked and repeatably for one seed', () => {
    const rules = parseFaultSpec('*:429@0.25');
    const first = fired(new FaultPlan(rules, 'soundcloud', 7), 2000);
    const again = fired(new FaultPlan(rules, 'soundcloud', 7), 2000);
    expect(again).toBe(first);
    const hits = first.split('429').length - 1;
    expect(hits).toBeGreaterThan(400);
    expect(hits).toBeLessThan(600);
  });
});
