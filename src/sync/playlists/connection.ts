import type { Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config/index.ts';
import type { Database } from '../../core/db/database.ts';
import { ShelfsyncError } from '../../core/errors.ts';
import type { HttpClient } from '../../core/http/index.ts';
import {
  createPlaylist,
  deletePlaylist,
  fetchMyPlaylists,
  updatePlaylist,
} from '../../upstream/soundcloud/api.ts';
import { createSoundcloudApiClient, createSoundcloudAuthClient } from '../../upstream/soundcloud/client.ts';
import type { PlaylistWriter } from './build.ts';
import { type SearchPort, soundcloudSearchPort } from './search-port.ts';
import { SoundcloudSession } from './session.ts';
import { secretBoxFor, TokenVault } from './token-vault.ts';

/** Marks the playlists shelfsync made, so a lost create can be recognised and adopted. */
const MADE_BY = 'Made by shelfsync from a Discogs collection query.';

export interface SoundcloudConnection {
  session: SoundcloudSession;
  api: HttpClient;
  auth: HttpClient;
  search: SearchPort;
  writer: PlaylistWriter;
  close(): Promise<void>;
}

/** Whether a sign-in is stored (and a key to open it is configured); reads only the database. */
export async function hasStoredSignIn(config: Config, database: Database): Promise<boolean> {
  if (!config.secret_key || !config.playlists?.soundcloud) return false;
  const row = await database.db.selectFrom('soundcloud_auth').select('account').executeTakeFirst();
  return row !== undefined;
}

/** The signed-in SoundCloud account, ready to search and write; fails plainly when not signed in. */
export async function connectSoundcloud(
  config: Config,
  database: Database,
  clock: Clock,
  track: <C extends HttpClient>(client: C) => C = (client) => client,
): Promise<SoundcloudConnection> {
  const soundcloud = config.playlists?.soundcloud;
  if (!soundcloud) {
    throw new ShelfsyncError('the config has no playlists.soundcloud section (client_id, client_secret)', {
      code: 'config_missing',
      service: 'shelfsync',
    });
  }
  const vault = new TokenVault(database, secretBoxFor(config));
  const auth = track(createSoundcloudAuthClient(soundcloud.auth_url, clock));
  let session: SoundcloudSession;
  try {
    session = await SoundcloudSession.open({
      vault,
      auth,
      app: { clientId: soundcloud.client_id, clientSecret: soundcloud.client_secret },
      clock,
    });
  } catch (error) {
    await auth.close();
    throw error;
  }
  const api = track(createSoundcloudApiClient(soundcloud.url, session.authHeaders, clock));
  const call = <T>(run: () => Promise<T>) => session.call(run);
  return {
    session,
    api,
    auth,
    search: soundcloudSearchPort(api, call),
    writer: {
      async findOwn(title) {
        const mine = await call(() => fetchMyPlaylists(api));
        // Only one shelfsync made: a playlist the user made by hand with the same title is never touched.
        return mine.find((playlist) => playlist.title === title && playlist.description?.startsWith(MADE_BY))
          ?.urn;
      },
      async create(fields) {
        const created = await call(() => createPlaylist(api, { ...fields, description: MADE_BY }));
        return created.urn;
      },
      async update(urn, fields) {
        await call(() => updatePlaylist(api, urn, { ...fields, description: MADE_BY }));
      },
      async remove(urn) {
        await call(() => deletePlaylist(api, urn));
      },
    },
    async close() {
      await Promise.allSettled([api.close(), auth.close()]);
    },
  };
}
