import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertChunks } from '../../src/sync/records/release-store.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('insertChunks', () => {
  it('cuts 128 at a time, then the rest in powers of two', () => {
    expect(insertChunks(range(237)).map((chunk) => chunk.length)).toEqual([128, 64, 32, 8, 4, 1]);
    expect(insertChunks(range(300)).map((chunk) => chunk.length)).toEqual([128, 128, 32, 8, 4]);
    expect(insertChunks(range(128)).map((chunk) => chunk.length)).toEqual([128]);
    expect(insertChunks(range(1)).map((chunk) => chunk.length)).toEqual([1]);
    expect(insertChunks([])).toEqual([]);
  });

  it('keeps every row once, in order, in chunks of at most eight sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        const chunks = insertChunks(range(n));
        expect(chunks.flat()).toEqual(range(n));
        for (const chunk of chunks) expect([1, 2, 4, 8, 16, 32, 64, 128]).toContain(chunk.length);
        // Sizes never grow again after the 128s: each smaller size at most once.
        const rest = chunks.map((chunk) => chunk.length).filter((size) => size < 128);
        expect(new Set(rest).size).toBe(rest.length);
      }),
    );
  });
});
