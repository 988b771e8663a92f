import { afterEach, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

type Listed = {
  instance_id: number;
  id: number;
  folder_id: number;
  rating: number;
  date_added: string;
  notes?: { field_id: number; value: string }[];
};

describe('Discogs stand-in: collection and wantlist changes', () => {
  let discogs: DiscogsHarness | undefined;
  afterEach(async () => {
    await discogs?.stop();
    discogs = undefined;
  });

  const listAll = async (harness: DiscogsHarness): Promise<Listed[]> => {
    const response = await harness.call(
      `/users/${harness.username}/collection/folders/0/releases?per_page=100`,
    );
    return ((await response.json()) as { releases: Listed[] }).releases;
  };

  it('adds an instance (201), moves and rates it (204), edits a field, and deletes it (204)', async () => {
    discogs = await startDiscogs({ records: 30 });
    const h = discogs;
    const base = `/users/${h.username}/collection/folders`;
    const releaseId = h.world.discogs.wantlist.find(
      (want) => !h.world.discogs.collection.some((i) => i.releaseId === want.releaseId),
    )?.releaseId;
    h.clock.set(Date.UTC(2026, 6, 1, 12));

    const added = await h.call(`${base}/1/releases/${releaseId}`, { method: 'POST' });
    expect(added.status).toBe(201);
    const addedBody = (await added.json()) as Listed & {
      resource_url: string;
      basic_information: { id: number };
    };
    const { instance_id, resource_url } = addedBody;
    expect(resource_url).toBe(`${h.origin}${base}/1/release/${releaseId}/instance/${instance_id}`);
    // The docs show only instance_id and resource_url; the live API (2026, a client's recorded tests)
    // answers with the whole new collection item, whose `id` clients use for the next call.
    expect(addedBody).toMatchObject({
      id: releaseId,
      folder_id: 1,
      rating: 0,
      date_added: '2026-07-01T05:00:00-07:00',
      basic_information: { id: releaseId },
    });
    let item = (await listAll(h)).find((i) => i.instance_id === instance_id);
    expect(item).toMatchObject({
      id: releaseId,
      folder_id: 1,
      rating: 0,
      date_added: '2026-07-01T05:00:00-07:00',
    });

    const jazz = h.world.discogs.folders.find((folder) => folder.name === 'Jazz');
    const moved = await h.call(`${base}/1/releases/${releaseId}/instances/${instance_id}`, {
      method: 'POST',
      body: { folder_id: jazz?.id, rating: 4 },
    });
    expect(moved.status).toBe(204);
    const field = await h.call(
      `${base}/${jazz?.id}/releases/${releaseId}/instances/${instance_id}/fields/1?value=${encodeURIComponent('Mint (M)')}`,
      { method: 'POST' },
    );
    expect(field.status).toBe(204);
    const badField = await h.call(
      `${base}/${jazz?.id}/releases/${releaseId}/instances/${instance_id}/fields/1?value=Shiny`,
      { method: 'POST' },
    );
    expect(badField.status).toBe(422);
    item = (await listAll(h)).find((i) => i.instance_id === instance_id);
    expect(item).toMatchObject({
      folder_id: jazz?.id,
      rating: 4,
      notes: [{ field_id: 1, value: 'Mint (M)' }],
    });

    const badRating = await h.call(`${base}/0/releases/${releaseId}/instances/${instance_id}`, {
      method: 'POST',
      body: { rating: 9 },
    });
    expect(badRating.status).toBe(422);
    const deleted = await h.call(`${base}/${jazz?.id}/releases/${releaseId}/instances/${instance_id}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await listAll(h)).some((i) => i.instance_id === instance_id)).toBe(false);
    expect(
      (
        await h.call(`${base}/${jazz?.id}/releases/${releaseId}/instances/${instance_id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(404);
  });

  it('refuses folder 0 and unknown releases when adding', async () => {
    discogs = await startDiscogs({ records: 10 });
    const base = `/users/${discogs.username}/collection/folders`;
    const releaseId = discogs.world.discogs.releases[0]?.id;
    expect((await discogs.call(`${base}/0/releases/${releaseId}`, { method: 'POST' })).status).toBe(422);
    const unknown = await discogs.call(`${base}/1/releases/1`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Release not found.' });
    expect((await discogs.call(`${base}/0/releases/${releaseId}`, { method: 'GET' })).status).toBe(405);
  });

  it('adds to, edits and removes from the wantlist', async () => {
    discogs = await startDiscogs({ records: 10 });
    const owned = discogs.world.discogs.collection[0]?.releaseId;
    const wants = `/users/${discogs.username}/wants`;
    await discogs.call(`${wants}/${owned}`, { method: 'DELETE' });
    expect((await discogs.call(`${wants}/${owned}`, { method: 'POST', body: { notes: 'x' } })).status).toBe(
      404,
    );
    const put = await discogs.call(`${wants}/${owned}?rating=3&notes=${encodeURIComponent('Any copy')}`, {
      method: 'PUT',
    });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({
      id: owned,
      rating: 3,
      notes: 'Any copy',
      resource_url: `${discogs.origin}${wants}/${owned}`,
    });
    const post = await discogs.call(`${wants}/${owned}`, { method: 'POST', body: { rating: 5 } });
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({ rating: 5, notes: 'Any copy' });
    expect((await discogs.call(`${wants}/${owned}`, { method: 'DELETE' })).status).toBe(204);
    const list = (await (await discogs.call(`${wants}?per_page=100`)).json()) as { wants: { id: number }[] };
    expect(list.wants.some((want) => want.id === owned)).toBe(false);
  });

  it('lets tests change the collection through /__sandbox routes without touching the stats', async () => {
    discogs = await startDiscogs({ records: 10 });
    const before = discogs.running.stats().requests;
    const releaseId = discogs.world.discogs.wantlist[0]?.releaseId;
    const added = await fetch(`${discogs.origin}/__sandbox/collection?release_id=${releaseId}`, {
      method: 'POST',
    });
    expect(added.status).toBe(201);
    const { instance_id } = (await added.json()) as { instance_id: number };
    expect((await listAll(discogs)).map((i) => i.instance_id)).toContain(instance_id);
    const removed = await fetch(`${discogs.origin}/__sandbox/collection/${instance_id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    const victim = discogs.world.discogs.collection[0]?.instanceId;
    await fetch(`${discogs.origin}/__sandbox/collection/${victim}`, { method: 'DELETE' });
    const remaining = await listAll(discogs);
    expect(remaining.map((i) => i.instance_id)).not.toContain(victim);
    expect(remaining).toHaveLength(9);
    expect(discogs.running.stats().requests).toBe(before + 2);
  });

  it("injects faults with Discogs' own bodies", async () => {
    discogs = await startDiscogs({ records: 5, faults: 'discogs:429#1,discogs:500#2' });
    const limited = await discogs.call(`/users/${discogs.username}`);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: 'You are making requests too quickly.' });
    expect(limited.headers.get('x-discogs-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-discogs-ratelimit-used')).toBe(limited.headers.get('x-discogs-ratelimit'));
    const failed = await discogs.call(`/users/${discogs.username}`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ message: expect.any(String) });
    expect((await discogs.call(`/users/${discogs.username}`)).status).toBe(200);
  });
});
