import type { StandInEnv, StandInService } from '../core/stand-in.ts';
import type { SoundcloudWorld } from '../records/world.ts';
import { soundcloudFaultReply } from './api-errors.ts';
import { SoundcloudCatalog } from './catalog.ts';
import type { SoundcloudContext } from './context.ts';
import { PlaylistSearch } from './playlist-search.ts';
import { PlaylistStore } from './playlist-store.ts';
import { dispatch } from './routes.ts';
import { TrackSearchIndex } from './search-index.ts';
import { ClientCredentialsLimits } from './token-endpoint.ts';
import { TokenStore } from './token-store.ts';
import { truthReply } from './track-routes.ts';
import { UserSearch } from './user-search.ts';

export interface SoundcloudStandInOptions {
  /** Access-token lifetime; SoundCloud's is one hour. Short values let tests see expiry. */
  accessTokenTtlSeconds?: number;
}

/**
 * The SoundCloud stand-in: secure.soundcloud.com's OAuth 2.1 endpoints and api.soundcloud.com's
 * REST API on one origin, built from a generated world. The catalog and its search index are shared
 * by every started server (the index is built on the first search, permalinks as they are needed);
 * each server gets its own tokens and playlists.
 */
export function createSoundcloudStandIn(
  world: SoundcloudWorld,
  options: SoundcloudStandInOptions = {},
): { build: (env: StandInEnv) => StandInService } {
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  if (!Number.isInteger(ttl) || ttl < 1) throw new Error('accessTokenTtlSeconds must be a positive integer');
  const catalog = new SoundcloudCatalog(world);
  const search = new TrackSearchIndex(catalog);
  const userSearch = new UserSearch(catalog);

  return {
    build(env: StandInEnv): StandInService {
      const playlists = new PlaylistStore(world.albums ?? []);
      const playlistSearch = new PlaylistSearch(catalog);
      const tokens = new TokenStore(env.clock, ttl);
      const limits = new ClientCredentialsLimits(env.clock, env.rateScale);
      const ctx: SoundcloudContext = {
        env,
        world,
        catalog,
        search,
        playlists,
        playlistSearch,
        userSearch,
        tokens,
      };
      let spamWarnings = 0;
      return {
        name: 'soundcloud',
        handle: (request) => dispatch(ctx, limits, request),
        faultReply: (kind, retryAfterSeconds) =>
          soundcloudFaultReply(kind, retryAfterSeconds, ++spamWarnings),
        extraStats: () => ({ accessTokensIssued: tokens.accessTokensIssued, playlists: playlists.size }),
        sandboxRoute: (request) =>
          request.method === 'GET' && request.url.pathname === '/__sandbox/truth'
            ? truthReply(ctx)
            : undefined,
      };
    },
  };
}
