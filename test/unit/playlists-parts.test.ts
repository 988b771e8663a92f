import { describe, expect, it } from 'vitest';
import { partTitle, planParts } from '../../src/sync/playlists/plan-parts.ts';

const entries = (count: number, score = (i: number) => i / count) =>
  Array.from({ length: count }, (_, i) => ({ urn: `soundcloud:tracks:${i}`, score: score(i) }));

describe('laying tracks out on playlists of at most 500', () => {
  it('keeps one part when it fits', () => {
    const plan = planParts(entries(3), { overflow: 'split' });
    expect(plan.parts).toEqual([['soundcloud:tracks:0', 'soundcloud:tracks:1', 'soundcloud:tracks:2']]);
    expect(plan.leftOut).toEqual([]);
  });

  it('splits 1,234 tracks into parts of 500, 500 and 234, in order', () => {
    const plan = planParts(entries(1234), { overflow: 'split' });
    expect(plan.parts.map((part) => part.length)).toEqual([500, 500, 234]);
    expect(plan.parts[1]?.[0]).toBe('soundcloud:tracks:500');
    expect(plan.leftOut).toEqual([]);
  });

  it('caps at 500 by confidence, keeping playlist order', () => {
    const plan = planParts(
      entries(600, (i) => (i % 2 === 0 ? 0.9 : 0.5)),
      { overflow: 'cap' },
    );
    expect(plan.parts).toHaveLength(1);
    expect(plan.parts[0]).toHaveLength(500);
    expect(plan.leftOut).toHaveLength(100);
    expect(plan.leftOut.every((urn) => Number(urn.split(':')[2]) % 2 === 1)).toBe(true);
    const order = (plan.parts[0] ?? []).map((urn) => Number(urn.split(':')[2]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('honours --limit in both modes', () => {
    expect(planParts(entries(10), { overflow: 'split', limit: 4 }).parts).toEqual([
      ['soundcloud:tracks:0', 'soundcloud:tracks:1', 'soundcloud:tracks:2', 'soundcloud:tracks:3'],
    ]);
    const capped = planParts(entries(10), { overflow: 'cap', limit: 2 });
    expect(capped.parts).toEqual([['soundcloud:tracks:8', 'soundcloud:tracks:9']]);
    expect(capped.leftOut).toHaveLength(8);
  });

  it('lists an upload once even when two tracks matched it', () => {
    const plan = planParts(
      [
        { urn: 'a', score: 1 },
        { urn: 'a', score: 1 },
        { urn: 'b', score: 1 },
      ],
      { overflow: 'split' },
    );
    expect(plan.parts).toEqual([['a', 'b']]);
  });

  it('names numbered parts only when split', () => {
    expect(partTitle('Jazz', 0, 1)).toBe('Jazz');
    expect(partTitle('Jazz', 1, 3)).toBe('Jazz (2/3)');
  });
});
