import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

const world = generateBookWorld({ seed: 1, books: 20 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const account = (username: string) => {
  const user = world.audiobookshelf.users.find((u) => u.username === username);
  if (!user) throw new Error(username);
  return user;
};
const apiKey = (username: string) => abs.apiKeys[account(username).id] ?? '';

/** The fields these tests read from response bodies (the assertions check them). */
interface UserJson {
  username: string;
  token: string;
  isOldToken?: boolean;
  accessToken: string;
  refreshToken: string | null;
  mediaProgress: { id: string; displayTitle?: string }[];
}
interface LoginJson {
  user: UserJson;
  userDefaultLibraryId: string | null;
}
async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

let server: RunningStandIn;
let clock: ManualClock;

async function start(rateScale = 1): Promise<void> {
  clock = new ManualClock(world.now);
  server = await startStandIn(abs.build, { clock, rateScale });
}

beforeEach(() => start());
afterEach(() => server.stop());

function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(`${server.origin}${path}`, { ...init, headers });
}

function login(username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return call('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

async function expectUnauthorized(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBeNull();
  expect(await response.text()).toBe('Unauthorized');
}

describe('audiobookshelf stand-in: tokens', () => {
  it('accepts an API key as a Bearer token, in any case of the scheme, or as ?token=', async () => {
    const bearer = await call('/api/me', { token: apiKey('alice') });
    expect(bearer.status).toBe(200);
    expect((await read<UserJson>(bearer)).username).toBe('alice');
    const lower = await call('/api/me', { headers: { authorization: `bearer ${apiKey('bob')}` } });
    expect((await read<UserJson>(lower)).username).toBe('bob');
    const query = await call(`/api/me?token=${apiKey('alice')}`);
    expect(query.status).toBe(200);
  });

  it('answers 401 Unauthorized with no content type for a missing, bad or tampered token', async () => {
    await expectUnauthorized(await call('/api/me'));
    await expectUnauthorized(await call('/api/me', { token: 'not-a-jwt' }));
    const key = apiKey('alice');
    await expectUnauthorized(await call('/api/me', { token: `${key.slice(0, -2)}xx` }));
    await expectUnauthorized(await call('/api/nowhere'));
  });

  it('refuses an inactive user even with a valid key', async () => {
    await expectUnauthorized(await call('/api/me', { token: apiKey('eve') }));
  });

  it("answers an unknown /api route after authentication with Express' 404 page", async () => {
    const response = await call('/api/nowhere', { token: apiKey('alice') });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('Cannot GET /api/nowhere');
  });

  it('accepts the legacy user token and reports it as old', async () => {
    const me = await read<UserJson>(await call('/api/me', { token: apiKey('alice') }));
    expect(me.isOldToken).toBeUndefined();
    const legacy = await read<UserJson>(await call('/api/me', { token: me.token }));
    expect(legacy.isOldToken).toBe(true);
  });
});

describe('audiobookshelf stand-in: login and refresh', () => {
  it('logs in with JSON or a form, case-insensitively, and the access token works for an hour', async () => {
    const alice = account('alice');
    const response = await login('ALICE', alice.password);
    expect(response.status).toBe(200);
    const body = await read<LoginJson>(response);
    expect(Object.keys(body)).toEqual([
      'user',
      'userDefaultLibraryId',
      'serverSettings',
      'ereaderDevices',
      'Source',
    ]);
    expect(body.user.refreshToken).toBeNull();
    expect(response.headers.get('set-cookie')).toMatch(/^refresh_token=[^;]+; .*HttpOnly/);
    const form = await call('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'alice', password: alice.password }).toString(),
    });
    expect(form.status).toBe(200);
    // Only a socket connection sets lastSeen; logging in over HTTP leaves it as it was.
    expect(body.user).toHaveProperty('lastSeen', null);

    const access = body.user.accessToken as string;
    expect(await read<UserJson>(await call('/api/me', { token: access }))).toHaveProperty('lastSeen', null);
    expect((await call('/api/me', { token: access })).status).toBe(200);
    clock.advance(3599_000);
    expect((await call('/api/me', { token: access })).status).toBe(200);
    clock.advance(1_000);
    await expectUnauthorized(await call('/api/me', { token: access }));
  });

  it('puts the refresh token in the body only with x-return-tokens, and never accepts it as Bearer', async () => {
    const body = await read<LoginJson>(
      await login('alice', account('alice').password, { 'x-return-tokens': 'true' }),
    );
    expect(typeof body.user.refreshToken).toBe('string');
    await expectUnauthorized(await call('/api/me', { token: String(body.user.refreshToken) }));
  });

  it('refuses bad credentials (401) and missing ones (400) the way passport does', async () => {
    await expectUnauthorized(await login('alice', 'wrong'));
    await expectUnauthorized(await login('nobody', 'x'));
    await expectUnauthorized(await login('eve', account('eve').password));
    const missing = await call('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"alice"}',
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe('Bad Request');
  });

  it('rotates refresh tokens at /auth/refresh and refuses the old one', async () => {
    const first = await read<LoginJson>(
      await login('bob', account('bob').password, { 'x-return-tokens': 'true' }),
    );
    const refreshed = await call('/auth/refresh', {
      method: 'POST',
      headers: { 'x-refresh-token': String(first.user.refreshToken) },
    });
    expect(refreshed.status).toBe(200);
    const body = await read<LoginJson>(refreshed);
    expect(body.user.username).toBe('bob');
    expect(body.user.refreshToken).not.toBe(first.user.refreshToken);
    expect((await call('/api/me', { token: body.user.accessToken })).status).toBe(200);

    const again = await call('/auth/refresh', {
      method: 'POST',
      headers: { 'x-refresh-token': String(first.user.refreshToken) },
    });
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: 'Invalid refresh token' });
  });

  it('reads the refresh cookie and explains refusals in JSON', async () => {
    const response = await login('alice', account('alice').password);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const viaCookie = await call('/auth/refresh', { method: 'POST', headers: { cookie } });
    expect(viaCookie.status).toBe(200);
    expect((await read<LoginJson>(viaCookie)).user.refreshToken).toBeNull();

    const none = await call('/auth/refresh', { method: 'POST' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: 'No refresh token provided' });
    const access = (await read<LoginJson>(await login('alice', account('alice').password))).user.accessToken;
    const wrongType = await call('/auth/refresh', { method: 'POST', headers: { 'x-refresh-token': access } });
    expect(await wrongType.json()).toEqual({ error: 'Invalid token type' });
  });

  it('limits /login to 40 requests per 10 minutes per IP, with RateLimit headers', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 40; i++) {
      last = await login('alice', 'wrong');
      expect(last.status).toBe(401);
    }
    expect(last?.headers.get('ratelimit-remaining')).toBe('0');
    const limited = await login('alice', account('alice').password);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'Too many authentication requests' });
    expect(limited.headers.get('ratelimit-limit')).toBe('40');
    expect(limited.headers.get('ratelimit-policy')).toBe('40;w=600');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(600_000);
    expect((await login('alice', account('alice').password)).status).toBe(200);
  });

  it('shortens the login window by the rate scale', async () => {
    await server.stop();
    await start(10);
    for (let i = 0; i < 40; i++) await login('alice', 'wrong');
    expect((await login('alice', 'wrong')).status).toBe(429);
    clock.advance(60_000);
    expect((await login('alice', 'wrong')).status).toBe(401);
  });
});

describe('audiobookshelf stand-in: public routes, users and stats', () => {
  it('serves /ping, /status and /healthcheck without auth', async () => {
    expect(await (await call('/ping')).json()).toEqual({ success: true });
    const status = await (await call('/status')).json();
    expect(status).toMatchObject({
      app: 'audiobookshelf',
      serverVersion: '2.36.0',
      isInit: true,
      authMethods: ['local'],
      authFormData: { authLoginCustomMessage: '' },
    });
    const health = await call('/healthcheck');
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('OK');
  });

  it('keeps /api/users and /api/users/:id for admins, even a user asking about themself', async () => {
    const forbidden = await call('/api/users', { token: apiKey('alice') });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await forbidden.text()).toBe('Forbidden');

    const users = (await read<{ users: UserJson[] }>(await call('/api/users', { token: apiKey('root') })))
      .users;
    expect(users.map((u) => u.username)).toEqual(['root', 'alice', 'bob', 'carol', 'eve']);
    for (const user of users) {
      expect(user).not.toHaveProperty('mediaProgress');
      expect(user).not.toHaveProperty('bookmarks');
    }

    // A running v2.36 server refuses a non-admin even their own id, as text/plain "Forbidden".
    for (const id of [account('alice').id, account('bob').id]) {
      const refused = await call(`/api/users/${id}`, { token: apiKey('alice') });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await refused.text()).toBe('Forbidden');
    }
    const byAdmin = await call(`/api/users/${account('alice').id}`, { token: apiKey('root') });
    expect(byAdmin.status).toBe(200);
    const progress = (await read<UserJson>(byAdmin)).mediaProgress;
    expect(progress.length).toBe(account('alice').progress.length);
    expect(progress[0]).toHaveProperty('displayTitle');
    expect(
      (await call('/api/users/00000000-0000-4000-8000-000000000000', { token: apiKey('root') })).status,
    ).toBe(404);
  });

  it('answers /api/authorize with the login payload and no new tokens', async () => {
    const body = await read<LoginJson>(
      await call('/api/authorize', { method: 'POST', token: apiKey('bob') }),
    );
    expect(body.user.username).toBe('bob');
    expect(body.user).not.toHaveProperty('accessToken');
    expect(body.userDefaultLibraryId).toBe(world.audiobookshelf.libraries[0]?.id);
  });

  it('counts routes as reads and writes, with no rate-limit units', async () => {
    await call('/api/me', { token: apiKey('alice') });
    await call(`/api/me/progress/${world.audiobookshelf.items[0]?.id}`, {
      method: 'PATCH',
      token: apiKey('alice'),
      headers: { 'content-type': 'application/json' },
      body: '{"currentTime":12}',
    });
    const stats = await read<{ routes: Record<string, number> }>(await call('/__sandbox/stats'));
    expect(stats).toMatchObject({ requests: 2, units: 0, reads: 1, writes: 1 });
    expect(stats.routes).toEqual({ 'GET /api/me': 1, 'PATCH /api/me/progress/:id': 1 });
  });
});
