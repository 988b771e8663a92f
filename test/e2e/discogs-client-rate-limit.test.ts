import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import type { HttpClient } from '../../src/core/http/index.ts';
import { createDiscogsClient } from '../../src/upstream/discogs/client.ts';
import { fetchIdentity } from '../../src/upstream/discogs/identity.ts';

describe('Discogs client: 429s without Retry-After are waited out', () => {
  let sandbox: Sandbox | undefined;
  let client: HttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    await sandbox?.stop();
    client = undefined;
    sandbox = undefined;
  });

  /** A client whose waits are recorded instead of slept, so the test does not take minutes. */
  async function start(faults: string) {
    sandbox = await startSandbox({ seed: 3, books: 5, records: 20, rateScale: 100, faults });
    const waits: number[] = [];
    client = createDiscogsClient(
      { url: sandbox.info.discogs.url, token: sandbox.info.discogs.token },
      {
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    return { client, waits };
  }

  it('waits after a 429 and then gets its answer', async () => {
    const { client, waits } = await start('discogs:429#1');
    const identity = await fetchIdentity(client);
    expect(identity.username).toBe(sandbox?.info.discogs.username);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(client.stats().requests).toBe(2);
  });

  it('keeps waiting, up to whole 60 s windows, through many 429s in a row', async () => {
    const { client, waits } = await start('discogs:429%1');
    const failure = await fetchIdentity(client).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'rate_limited', service: 'discogs' });
    // Ten waits, doubling from half a second; the last ones span a whole window each.
    expect(waits).toHaveLength(10);
    waits.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(Math.min(60_000, 500 * 2 ** i));
    });
    expect(waits.slice(-3).every((ms) => ms >= 60_000)).toBe(true);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThan(4 * 60_000);
  });
});
