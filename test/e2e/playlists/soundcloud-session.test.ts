import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/sandbox.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { createSecretBox } from '../../../src/core/crypto/secret-box.ts';
import { SoundcloudSession } from '../../../src/sync/playlists/session.ts';
import { TokenVault } from '../../../src/sync/playlists/token-vault.ts';
import { fetchMe } from '../../../src/upstream/soundcloud/api.ts';
import {
  createSoundcloudApiClient,
  createSoundcloudAuthClient,
} from '../../../src/upstream/soundcloud/client.ts';
import { TEST_SECRET_KEY } from './cli-harness.ts';
import { type SignedInWorkspace, signedInWorkspace } from './session-harness.ts';

describe('SoundCloud session: refresh before expiry and after a 401, one at a time', () => {
  let sandbox: Sandbox | undefined;
  let workspace: SignedInWorkspace | undefined;
  afterEach(async () => {
    await workspace?.close();
    await sandbox?.stop();
  });

  async function setUp(standInClock: ManualClock, ourClock: ManualClock) {
    sandbox = await startSandbox({
      seed: 3,
      books: 2,
      records: 20,
      clock: standInClock,
      soundcloudTokenTtlSeconds: 60,
    });
    workspace = await signedInWorkspace(sandbox, ourClock);
    const soundcloud = workspace.config.playlists?.soundcloud;
    if (!soundcloud) throw new Error('sandbox config without soundcloud');
    const vault = new TokenVault(workspace.database, createSecretBox(TEST_SECRET_KEY));
    const auth = createSoundcloudAuthClient(soundcloud.auth_url, ourClock);
    const session = await SoundcloudSession.open({
      vault,
      auth,
      app: { clientId: soundcloud.client_id, clientSecret: soundcloud.client_secret },
      clock: ourClock,
    });
    const api = createSoundcloudApiClient(soundcloud.url, session.authHeaders, ourClock);
    const burst = (count: number) =>
      Promise.all(Array.from({ length: count }, () => session.call(() => fetchMe(api))));
    return { session, vault, auth, api, burst, standIns: sandbox.standIns };
  }

  it('refreshes once shortly before expiry, saves the new pair, and never reuses a refresh token', async () => {
    const clock = new ManualClock(Date.now());
    const { session, vault, auth, api, burst, standIns } = await setUp(clock, clock);
    const first = session.signIn.refreshToken;
    await burst(8);
    expect(session.refreshes).toBe(0);

    clock.advance(55_000);
    await burst(8);
    expect(session.refreshes).toBe(1);
    const stored = await vault.load();
    expect(stored?.refreshToken).toBe(session.signIn.refreshToken);
    expect(stored?.refreshToken).not.toBe(first);

    for (let round = 0; round < 3; round++) {
      clock.advance(59_000);
      await burst(5);
    }
    expect(session.refreshes).toBe(4);
    const stats = standIns.soundcloud.stats();
    expect(stats.routes['POST /oauth/token']).toBe(1 + 4);
    expect(stats.status['400'] ?? 0).toBe(0);
    expect(stats.status['401'] ?? 0).toBe(0);
    await api.close();
    await auth.close();
  });

  it('after a 401 (our clock behind the server) refreshes once for many parallel requests and retries them', async () => {
    const standInClock = new ManualClock(Date.now());
    const ourClock = new ManualClock(standInClock.now());
    const { session, auth, api, burst, standIns } = await setUp(standInClock, ourClock);
    standInClock.advance(120_000);
    const users = await burst(6);
    expect(users.every((user) => user.urn.startsWith('soundcloud:users:'))).toBe(true);
    expect(session.refreshes).toBe(1);
    const stats = standIns.soundcloud.stats();
    expect(stats.routes['POST /oauth/token']).toBe(2);
    expect(stats.status['400'] ?? 0).toBe(0);
    await api.close();
    await auth.close();
  });
});
