import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DiscogsHarness,
  requestWithoutUserAgent,
  startDiscogs,
  USER_AGENT,
} from './sandbox-discogs-harness.ts';

describe('Discogs stand-in: authentication and permissions', () => {
  let discogs: DiscogsHarness;
  let guestToken: string;
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 40 });
    guestToken = discogs.world.discogs.guests?.[0]?.token ?? '';
  });
  afterAll(() => discogs.stop());

  it('tells the owner who they are, by header or by ?token=', async () => {
    const byHeader = await discogs.call('/oauth/identity');
    expect(await byHeader.json()).toEqual({
      consumer_name: expect.any(String),
      id: discogs.world.discogs.user.id,
      resource_url: `${discogs.origin}/users/${discogs.username}`,
      username: discogs.username,
    });
    const byQuery = await discogs.call(`/oauth/identity?token=${discogs.token}`, { token: null });
    expect(byQuery.status).toBe(200);
  });

  it('answers 401 with the documented body and WWW-Authenticate without a user', async () => {
    for (const path of [
      '/oauth/identity',
      `/users/${discogs.username}/collection/folders/1/releases`,
      `/users/${discogs.username}/collection/value`,
    ]) {
      const response = await discogs.call(path, { token: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('OAuth realm="https://api.discogs.com"');
      expect(await response.json()).toEqual({ message: 'You must authenticate to access this resource.' });
    }
  });

  it('answers 401 to a token it does not know, even on public routes', async () => {
    const response = await discogs.call(`/releases/${discogs.world.discogs.releases[0]?.id}`, {
      token: 'not-a-real-token',
    });
    expect(response.status).toBe(401);
  });

  it('answers 403 to another user on owner-only resources', async () => {
    for (const path of [
      `/users/${discogs.username}/collection/folders/1/releases`,
      `/users/${discogs.username}/collection/value`,
    ]) {
      const response = await discogs.call(path, { token: guestToken });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        message: "You don't have permission to access this resource.",
      });
    }
    const write = await discogs.call(
      `/users/${discogs.username}/wants/${discogs.world.discogs.releases[0]?.id}`,
      {
        token: guestToken,
        method: 'PUT',
      },
    );
    expect(write.status).toBe(403);
  });

  it('shows others only folder 0 and public notes of a public collection', async () => {
    const folders = (await (
      await discogs.call(`/users/${discogs.username}/collection/folders`, { token: null })
    ).json()) as {
      folders: { id: number }[];
    };
    expect(folders.folders.map((folder) => folder.id)).toEqual([0]);
    const page = (await (
      await discogs.call(`/users/${discogs.username}/collection/folders/0/releases?per_page=100`, {
        token: guestToken,
      })
    ).json()) as {
      releases: { notes?: { field_id: number }[] }[];
    };
    const fieldIds = page.releases.flatMap((item) => (item.notes ?? []).map((note) => note.field_id));
    expect(fieldIds.length).toBeGreaterThan(0);
    expect(fieldIds).not.toContain(4);
    const profile = (await (
      await discogs.call(`/users/${discogs.username}`, { token: guestToken })
    ).json()) as Record<string, unknown>;
    expect(profile.email).toBeUndefined();
    expect(profile.num_collection).toBe(40);
    const own = (await (await discogs.call(`/users/${discogs.username}`)).json()) as Record<string, unknown>;
    expect(own.email).toBe(discogs.world.discogs.user.email);
  });

  it('keeps a private collection private', async () => {
    const guest = discogs.world.discogs.guests?.[0]?.username;
    expect((await discogs.call(`/users/${guest}/collection/folders/0/releases`)).status).toBe(403);
    expect(
      (await discogs.call(`/users/${guest}/collection/folders/0/releases`, { token: null })).status,
    ).toBe(401);
    const own = await discogs.call(`/users/${guest}/collection/folders/0/releases`, { token: guestToken });
    expect(own.status).toBe(200);
  });

  it('lets a registered app key/secret in at the higher rate tier, but not as a user', async () => {
    const consumer = discogs.world.discogs.consumers?.[0];
    const headers = { authorization: `Discogs key=${consumer?.key}, secret=${consumer?.secret}` };
    const release = await discogs.call(`/releases/${discogs.world.discogs.releases[0]?.id}`, {
      token: null,
      headers,
    });
    expect(release.status).toBe(200);
    expect(release.headers.get('x-discogs-ratelimit')).toBe('6000');
    expect((await discogs.call('/oauth/identity', { token: null, headers })).status).toBe(401);
    const wrong = { authorization: `Discogs key=${consumer?.key}, secret=wrong` };
    expect(
      (
        await discogs.call(`/releases/${discogs.world.discogs.releases[0]?.id}`, {
          token: null,
          headers: wrong,
        })
      ).status,
    ).toBe(401);
  });

  it('answers 404 with the documented messages', async () => {
    const cases: [string, string][] = [
      ['/releases/1', 'Release not found.'],
      ['/masters/1', 'Master Release not found.'],
      ['/users/nobody-here', 'User does not exist or may have been deleted.'],
      ['/artists/1/unknown', 'The requested resource was not found.'],
      [
        `/users/${discogs.username}/collection/folders/12345/releases`,
        'The requested folder does not exist.',
      ],
    ];
    for (const [path, message] of cases) {
      const response = await discogs.call(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ message });
    }
  });

  it('gives an empty response to a request without a User-Agent, as the FAQ describes', async () => {
    const before = discogs.running.stats().units;
    const response = await requestWithoutUserAgent(discogs.origin, `/users/${discogs.username}`, {
      authorization: `Discogs token=${discogs.token}`,
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['x-discogs-ratelimit']).toBeUndefined();
    expect(discogs.running.stats().units).toBe(before);
    const withAgent = await discogs.call(`/users/${discogs.username}`, {
      headers: { 'user-agent': USER_AGENT },
    });
    expect(withAgent.status).toBe(200);
  });

  it('labels stats by route template', async () => {
    const stats = discogs.running.stats();
    expect(stats.routes['GET /users/:username/collection/folders/:folder_id/releases']).toBeGreaterThan(0);
    expect(stats.routes['GET /oauth/identity']).toBeGreaterThan(0);
    expect(stats.routes['PUT /users/:username/wants/:release_id']).toBe(1);
  });
});
