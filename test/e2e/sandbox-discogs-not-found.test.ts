import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * Answers of the user resources (collection and wantlist) about things that do not exist. The developer
 * docs give no text for these; the texts and statuses below are what api.discogs.com answered in 2026 to
 * a client's live test suite (damidhagor/DiscogsApiClient,
 * src/DiscogsApiClient.Tests/Fixtures/Recording/Recordings/Collection.*.json).
 */
describe('Discogs stand-in: not-found messages of users, folders and instances', () => {
  let discogs: DiscogsHarness;
  let base: string;
  let item: { instanceId: number; releaseId: number; folderId: number };
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 20 });
    base = `/users/${discogs.username}/collection/folders`;
    item = discogs.world.discogs.collection[0] as typeof item;
  });
  afterAll(() => discogs.stop());

  const expectMessage = async (path: string, method: string, status: number, message: string) => {
    const response = await discogs.call(path, { method });
    expect(response.status, `${method} ${path}`).toBe(status);
    expect(await response.json(), `${method} ${path}`).toEqual({ message });
  };

  it('answers an unknown user with "User does not exist or may have been deleted."', async () => {
    const message = 'User does not exist or may have been deleted.';
    for (const path of [
      '/users/nobody-here',
      '/users/nobody-here/collection/folders',
      '/users/nobody-here/collection/folders/0/releases',
      '/users/nobody-here/collection/fields',
      '/users/nobody-here/wants',
    ])
      await expectMessage(path, 'GET', 404, message);
    await expectMessage(
      `/users/nobody-here/collection/folders/999/releases/${item.releaseId}`,
      'POST',
      404,
      message,
    );
  });

  it('answers an unknown folder with "The requested folder does not exist."', async () => {
    const message = 'The requested folder does not exist.';
    await expectMessage(`${base}/42`, 'GET', 404, message);
    await expectMessage(`${base}/42/releases`, 'GET', 404, message);
    await expectMessage(`${base}/42`, 'POST', 404, message);
    await expectMessage(`${base}/42`, 'DELETE', 404, message);
    // The folder is checked before the release: an unknown release in an unknown folder is about the folder.
    await expectMessage(`${base}/42/releases/2147483647`, 'POST', 404, message);
  });

  it('answers an unknown instance with the collection-item message, whatever the folder', async () => {
    const message = "The requested collection item does not exist in this user's collection.";
    await expectMessage(`${base}/1/releases/${item.releaseId}/instances/999999999999`, 'POST', 404, message);
    await expectMessage(
      `${base}/42/releases/${item.releaseId}/instances/999999999999`,
      'DELETE',
      404,
      message,
    );
  });

  it('refuses to move an instance to a folder that does not exist (422)', async () => {
    const response = await discogs.call(
      `${base}/${item.folderId}/releases/${item.releaseId}/instances/${item.instanceId}`,
      { method: 'POST', body: { folder_id: 999999999 } },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ message: 'Invalid folder_id: folder does not exist.' });
  });

  it('answers a wantlist write about a release it cannot add or edit, and deletes idempotently', async () => {
    const wants = `/users/${discogs.username}/wants`;
    const message = "That release does not exist in the user's wantlist.";
    await expectMessage(`${wants}/2147483647`, 'PUT', 404, message);
    const notWanted = discogs.world.discogs.releases.find(
      (release) => !discogs.world.discogs.wantlist.some((want) => want.releaseId === release.id),
    );
    await expectMessage(`${wants}/${notWanted?.id}`, 'POST', 404, message);
    for (const id of [2147483647, notWanted?.id]) {
      const deleted = await discogs.call(`${wants}/${id}`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
      expect(await deleted.text()).toBe('');
    }
  });

  it('lists no instances, rather than 404, for a release the database does not have', async () => {
    const response = await discogs.call(`/users/${discogs.username}/collection/releases/2147483647`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      pagination: { page: 1, pages: 1, per_page: 50, items: 0, urls: {} },
      releases: [],
    });
  });
});
