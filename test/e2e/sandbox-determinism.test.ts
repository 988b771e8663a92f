import { describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';

async function snapshot(sandbox: Sandbox): Promise<string> {
  const { info } = sandbox;
  const absUser = info.audiobookshelf.users[0];
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const text = await (await fetch(url, { headers })).text();
    return text.replaceAll(new URL(url).origin, 'ORIGIN');
  };
  const parts = [
    JSON.stringify(sandbox.worlds),
    await get(`${info.audiobookshelf.url}/api/me`, { authorization: `Bearer ${absUser?.token}` }),
    await get(
      `${info.discogs.url}/users/${info.discogs.username}/collection/folders/0/releases?per_page=100`,
      {
        authorization: `Discogs token=${info.discogs.token}`,
        'user-agent': 'shelfsync-test/1.0',
      },
    ),
    await get(`${info.soundcloud.url}/__sandbox/truth`),
  ];
  return parts.join('\n');
}

describe('sandbox data', () => {
  it('is byte for byte the same for the same seed, and differs for another', async () => {
    const a = await startSandbox({ seed: 5, books: 40, records: 60 });
    const b = await startSandbox({ seed: 5, books: 40, records: 60 });
    const c = await startSandbox({ seed: 6, books: 40, records: 60 });
    try {
      const [first, second, other] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
      expect(second).toBe(first);
      expect(other).not.toBe(first);
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });

  it('labels every collection track in the SoundCloud truth', async () => {
    const sandbox = await startSandbox({ seed: 2, books: 20, records: 80 });
    try {
      const truth = (await (await fetch(`${sandbox.info.soundcloud.url}/__sandbox/truth`)).json()) as Record<
        string,
        string | null
      >;
      const { releases, collection } = sandbox.worlds.records.discogs;
      const owned = new Set(collection.map((item) => item.releaseId));
      const keys = Object.keys(truth);
      expect(keys.length).toBeGreaterThan(0);
      for (const release of releases.filter((r) => owned.has(r.id))) {
        expect(keys.some((key) => key.startsWith(`${release.id}:`))).toBe(true);
      }
      for (const value of Object.values(truth)) {
        if (value !== null) expect(value).toMatch(/^soundcloud:tracks:\d+$/);
      }
    } finally {
      await sandbox.stop();
    }
  });
});
