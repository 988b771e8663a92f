import { afterAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/sync/bridge.ts';
import { enrichCollection } from '../../src/sync/records/enrich-collection.ts';
import { createDiscogsClient } from '../../src/upstream/discogs/client.ts';
import {
  discogsStats,
  type RecordsWorld,
  resetDiscogsStats,
  startRecordsWorld,
  syncRecordsOnce,
} from './fixtures/records-sandbox.ts';

// The real Discogs limit (60 a minute, moving window) for two minutes: only with SHELFSYNC_SOAK=1.
const SOAK = process.env.SHELFSYNC_SOAK === '1';

describe.skipIf(!SOAK)('soak: sync and enrich at the real Discogs limit (--rate-scale 1)', () => {
  let world: RecordsWorld | undefined;
  afterAll(async () => {
    await world?.stop();
  });

  it('never gets a 429 over a 2-minute run and keeps close to 58 requests a minute', async () => {
    world = await startRecordsWorld({ seed: 11, records: 1000, rateScale: 1 });
    const started = Date.now();
    await syncRecordsOnce(world);
    const client = createDiscogsClient(world.config.records?.discogs ?? { url: '', token: '' });
    try {
      const result = await enrichCollection(
        { database: world.database, client, clock: world.database.clock },
        { limit: 100, progress: silentProgress },
      );
      expect(result).toMatchObject({ fetched: 100, requests: 100, failed: [] });
    } finally {
      await client.close();
    }
    const stats = await discogsStats(world);
    expect(stats.status['429'] ?? 0).toBe(0);
    const minutes = (Date.now() - started) / 60_000;
    expect(minutes).toBeGreaterThan(1.5);
    expect(stats.requests / minutes).toBeGreaterThan(50);
    await resetDiscogsStats(world);
  }, 300_000);
});
