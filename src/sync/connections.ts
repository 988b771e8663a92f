import type { Config } from '../core/config/index.ts';
import { findShelfsyncError, type Service, ShelfsyncError } from '../core/errors.ts';
import type { HttpClient } from '../core/http/index.ts';
import { createAudiobookshelfClient } from '../upstream/audiobookshelf/client.ts';
import { fetchMe as fetchAbsMe, ping } from '../upstream/audiobookshelf/me.ts';
import { createDiscogsClient } from '../upstream/discogs/client.ts';
import { fetchIdentity } from '../upstream/discogs/identity.ts';
import { createHardcoverClient } from '../upstream/hardcover/client.ts';
import { fetchMe as fetchHardcoverMe } from '../upstream/hardcover/me.ts';
import { createSoundcloudAuthClient } from '../upstream/soundcloud/client.ts';
import { requestClientCredentialsToken } from '../upstream/soundcloud/token.ts';

export interface ConnectionResult {
  service: Service;
  /** Whose account was tried: a book user's id, the Discogs username, or "app". */
  subject: string;
  ok: boolean;
  /** What was found ("signed in as alice, 42 progress rows") or what went wrong, in one sentence. */
  detail: string;
}

async function probe(
  service: Service,
  subject: string,
  client: HttpClient,
  run: () => Promise<string>,
): Promise<ConnectionResult> {
  try {
    return { service, subject, ok: true, detail: await run() };
  } catch (error) {
    const known = findShelfsyncError(error);
    return { service, subject, ok: false, detail: known?.message ?? String(error) };
  } finally {
    await client.close();
  }
}

function bookChecks(config: Config): Promise<ConnectionResult>[] {
  return (config.books?.users ?? []).flatMap((user) => {
    const abs = createAudiobookshelfClient(user.audiobookshelf);
    const hardcover = createHardcoverClient({ url: user.hardcover.url, token: user.hardcover.token });
    return [
      probe('audiobookshelf', user.id, abs, async () => {
        await ping(abs);
        const me = await fetchAbsMe(abs);
        return `signed in as ${me.username}, ${me.mediaProgress.length} progress rows`;
      }),
      probe('hardcover', user.id, hardcover.http, async () => {
        const me = await fetchHardcoverMe(hardcover);
        const quota = hardcover.http.quota();
        const left = quota ? `, ${quota.remaining} requests left today` : '';
        return `signed in as ${me.username ?? `user ${me.id}`}${left}`;
      }),
    ];
  });
}

function recordChecks(config: Config): Promise<ConnectionResult>[] {
  const discogs = config.records?.discogs;
  if (!discogs) return [];
  const client = createDiscogsClient(discogs);
  return [
    probe('discogs', discogs.username, client, async () => {
      const identity = await fetchIdentity(client);
      if (identity.username.toLowerCase() !== discogs.username.toLowerCase()) {
        throw new ShelfsyncError(
          `the token belongs to ${identity.username}, not to ${discogs.username}; fix records.discogs.username or the token`,
          { code: 'auth_failed', service: 'discogs' },
        );
      }
      return `signed in as ${identity.username}`;
    }),
  ];
}

function playlistChecks(config: Config): Promise<ConnectionResult>[] {
  const soundcloud = config.playlists?.soundcloud;
  if (!soundcloud) return [];
  const auth = createSoundcloudAuthClient(soundcloud.auth_url);
  return [
    probe('soundcloud', 'app', auth, async () => {
      await requestClientCredentialsToken(auth, {
        clientId: soundcloud.client_id,
        clientSecret: soundcloud.client_secret,
      });
      return 'app id and secret accepted';
    }),
  ];
}

/** Tries every configured account once, all services in parallel; never throws. */
export async function checkConnections(config: Config): Promise<ConnectionResult[]> {
  return Promise.all([...bookChecks(config), ...recordChecks(config), ...playlistChecks(config)]);
}
