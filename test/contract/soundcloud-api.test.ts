import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import {
  api,
  appToken,
  loginAsOwner,
  type StartedSoundcloud,
  startSoundcloud,
  tokenRequest,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { APP, TRACK } from '../fixtures/soundcloud/world.ts';
import { OpenApiSchemas, type Schema } from './soundcloud-schema-validator.ts';

const specs = fileURLToPath(new URL('../../../shared/specs/', import.meta.url));
const specFile = `${specs}soundcloud/api.yaml`;

/** Keys real responses carry beyond the spec: the deprecated numeric ids and set_type (API-NOTES 4.3/4.4). */
const KNOWN_EXTRAS = new Set(['id', 'user_id', 'set_type']);

describe.skipIf(!existsSync(specs))('contract: SoundCloud stand-in against specs/soundcloud/api.yaml', () => {
  let schemas: OpenApiSchemas;
  let examples: Record<string, { value?: unknown }>;
  let sc: StartedSoundcloud;
  let userToken: string;

  beforeAll(async () => {
    const doc = parse(readFileSync(specFile, 'utf8'));
    schemas = new OpenApiSchemas(doc);
    examples = doc.components.examples;
    sc = await startSoundcloud();
    userToken = (await loginAsOwner(sc.origin)).access_token;
  });
  afterAll(async () => {
    await sc?.server.stop();
  });

  /** Fetches, checks status and JSON content type, validates and lists undeclared keys. */
  async function conforms(response: Response, status: number, schema: string | Schema): Promise<unknown> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(schemas.validate(body, schema)).toEqual([]);
    const extras = schemas
      .undeclaredKeys(body, schema)
      .filter((path) => !KNOWN_EXTRAS.has(path.split('.').pop() ?? ''));
    expect(extras).toEqual([]);
    return body;
  }
  const get = (path: string, token = userToken) => api(sc.origin, token, path);

  it('has a validator that rejects wrong types, wrong enums and stray keys', () => {
    expect(schemas.validate({ duration: '9 min' }, 'Track')).not.toEqual([]);
    expect(schemas.validate({ access: 'everyone' }, 'Track')).not.toEqual([]);
    expect(schemas.validate({ collection: [{ title: 3 }] }, 'Tracks')).not.toEqual([]);
    expect(schemas.validate({ code: '401' }, 'Error')).not.toEqual([]);
    expect(schemas.validate({ description: null }, 'Track')).not.toEqual([]);
    expect(schemas.validate({ access: null, download_url: null }, 'Track')).toEqual([]);
    expect(schemas.undeclaredKeys({ titel: 'x', user: { usernme: 'y' } }, 'Track')).toEqual([
      '$.titel',
      '$.user.usernme',
    ]);
  });

  it('token responses have the keys and types of the spec example ExpiringToken', async () => {
    const example = examples.ExpiringToken?.value as Record<string, unknown>;
    const shapeOf = (value: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeof v]));
    const viaCode = await loginAsOwner(sc.origin);
    const viaRefresh = await (
      await tokenRequest(sc.origin, {
        grant_type: 'refresh_token',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
        refresh_token: viaCode.refresh_token,
      })
    ).json();
    const viaClient = await appToken(sc.origin);
    for (const body of [viaCode, viaRefresh, viaClient]) {
      expect(shapeOf(body as unknown as Record<string, unknown>)).toEqual(shapeOf(example));
      expect(body).toMatchObject({ token_type: example.token_type, scope: example.scope });
    }
    const schemaFields = Object.keys(
      (schemas.named('OAuthToken').properties as Record<string, unknown>) ?? {},
    );
    expect(schemaFields).toEqual(
      expect.arrayContaining(['grant_type', 'client_id', 'client_secret', 'code', 'refresh_token']),
    );
  });

  it('GET /me validates as Me; GET /users/:urn as User', async () => {
    const me = await conforms(await get('/me'), 200, 'Me');
    expect(me).toMatchObject({ kind: 'user', urn: 'soundcloud:users:1001' });
    await conforms(await get('/users/soundcloud:users:2006'), 200, 'User');
  });

  it('GET /tracks validates as Tracks (linked) and TracksList (bare); GET /tracks/:urn as Track', async () => {
    const page = (await conforms(
      await get('/tracks?q=so%20what&linked_partitioning=true&limit=2'),
      200,
      'Tracks',
    )) as {
      next_href?: string;
    };
    expect(page.next_href).toBeTypeOf('string');
    const last = (await conforms(
      await get('/tracks?q=so%20what&linked_partitioning=true&limit=200'),
      200,
      'Tracks',
    )) as {
      next_href?: string;
    };
    expect(last.next_href).toBeUndefined();
    await conforms(await get('/tracks?q=joga'), 200, 'TracksList');
    for (const id of Object.values(TRACK))
      await conforms(await get(`/tracks/soundcloud:tracks:${id}`), 200, 'Track');
  });

  it('playlist bodies validate as Playlist, Playlists, PlaylistsArray, Tracks and TracksList', async () => {
    const created = (await conforms(
      await api(sc.origin, userToken, '/playlists', {
        method: 'POST',
        json: {
          playlist: {
            title: 'Contract',
            sharing: 'private',
            tracks: [{ urn: `soundcloud:tracks:${TRACK.soWhat}` }],
          },
        },
      }),
      201,
      'Playlist',
    )) as { urn: string };
    await conforms(
      await api(sc.origin, userToken, `/playlists/${created.urn}`, {
        method: 'PUT',
        json: { playlist: { release_date: '1959-08-17', ean: '5099750442227', tracks: [] } },
      }),
      200,
      'Playlist',
    );
    await conforms(await get(`/playlists/${created.urn}`), 200, 'Playlist');
    await conforms(await get(`/playlists/${created.urn}/tracks?linked_partitioning=true`), 200, 'Tracks');
    await conforms(await get(`/playlists/${created.urn}/tracks`), 200, 'TracksList');
    await conforms(await get('/me/playlists?linked_partitioning=true'), 200, 'Playlists');
    await conforms(await get('/me/playlists'), 200, 'PlaylistsArray');
    await conforms(await get('/playlists?q=contract&linked_partitioning=true'), 200, 'Playlists');
  });

  it('generated album uploads validate as Playlists, PlaylistsArray, Playlist, Tracks and Found', async () => {
    const world = generateRecordWorld({ seed: 21, records: 200 });
    const generated = await startSoundcloud({ world: world.soundcloud });
    try {
      const token = (await appToken(generated.origin, world.soundcloud.app)).access_token;
      const at = (path: string) => api(generated.origin, token, path);
      const albums = world.soundcloud.albums ?? [];
      const kinds = ['official', 'label', 'fan', 'partial'] as const;
      for (const kind of kinds) {
        const album = albums.find((candidate) => candidate.kind === kind);
        if (!album) throw new Error(`no ${kind} album in the world`);
        const q = encodeURIComponent(album.title);
        const page = (await conforms(
          await at(`/playlists?q=${q}&linked_partitioning=true&limit=2`),
          200,
          'Playlists',
        )) as { collection: unknown[] };
        expect(page.collection.length).toBeGreaterThan(0);
        await conforms(await at(`/playlists?q=${q}&show_tracks=false`), 200, 'PlaylistsArray');
        const urn = `soundcloud:playlists:${album.id}`;
        const body = (await conforms(await at(`/playlists/${urn}`), 200, 'Playlist')) as {
          permalink_url: string;
        };
        await conforms(await at(`/playlists/${urn}/tracks?linked_partitioning=true&limit=2`), 200, 'Tracks');
        const resolved = await fetch(
          new URL(`/resolve?url=${encodeURIComponent(body.permalink_url)}`, generated.origin),
          { headers: { authorization: `OAuth ${token}` }, redirect: 'manual' },
        );
        await conforms(resolved, 302, 'Found');
      }
    } finally {
      await generated.server.stop();
    }
  });

  it('user sub-resources and user search validate as Tracks, TracksList, Playlists and Users', async () => {
    await conforms(
      await get('/users/soundcloud:users:2007/tracks?linked_partitioning=true&limit=2'),
      200,
      'Tracks',
    );
    await conforms(await get('/users/soundcloud:users:2002/tracks?sort=asc'), 200, 'TracksList');
    await conforms(await get('/me/tracks?linked_partitioning=true'), 200, 'Tracks');
    await conforms(
      await get('/users/soundcloud:users:1001/playlists?linked_partitioning=true'),
      200,
      'Playlists',
    );
    await conforms(await get('/users/soundcloud:users:1001/playlists'), 200, 'PlaylistsArray');
    const users = (await conforms(await get('/users?q=bjork&linked_partitioning=true'), 200, 'Users')) as {
      collection: unknown[];
    };
    expect(users.collection).toHaveLength(1);
    await conforms(await get('/users?limit=2&linked_partitioning=true'), 200, 'Users');
    for (const [operation, path] of [
      ['get /users/{user_urn}/tracks', '/users/soundcloud:users:2002/tracks'],
      ['get /users/{user_urn}/playlists', '/users/soundcloud:users:2002/playlists'],
      ['get /me/tracks', '/me/tracks'],
      ['get /users', '/users?q=miles'],
    ] as const) {
      const [method = '', template = ''] = operation.split(' ');
      const response = await get(path);
      await response.body?.cancel();
      expect(response.status, operation).toBe(200);
      expect(schemas.declaredStatuses(template, method), operation).toContain('200');
    }
  });

  it('GET /resolve answers 302 with the Found body', async () => {
    const track = (await (await get(`/tracks/${TRACK.joga}`)).json()) as { permalink_url: string };
    const response = await fetch(
      new URL(`/resolve?url=${encodeURIComponent(track.permalink_url)}`, sc.origin),
      {
        headers: { authorization: `OAuth ${userToken}` },
        redirect: 'manual',
      },
    );
    await conforms(response, 302, 'Found');
  });

  it('error responses validate as Error: 400, 401, 404, 422 and token errors', async () => {
    await conforms(await get('/tracks?limit=500'), 400, 'Error');
    await conforms(await get('/me', 'not-a-token'), 401, 'Error');
    await conforms(await get('/tracks/soundcloud:tracks:1'), 404, 'Error');
    await conforms(
      await api(sc.origin, userToken, '/playlists', {
        method: 'POST',
        json: {
          playlist: {
            title: 'Too big',
            tracks: Array.from({ length: 501 }, () => ({ urn: 'soundcloud:tracks:501' })),
          },
        },
      }),
      422,
      'Error',
    );
    await conforms(
      await tokenRequest(sc.origin, {
        grant_type: 'refresh_token',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
        refresh_token: 'never-issued',
      }),
      400,
      'Error',
    );
    await conforms(
      await tokenRequest(sc.origin, {
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: 'x',
      }),
      401,
      'Error',
    );
  });

  it('429 responses validate as TooManyRequests: token issuance limit and injected faults', async () => {
    const limited = await startSoundcloud({ rateScale: 1 });
    try {
      let response: Response | undefined;
      for (let i = 0; i < 31; i++) {
        response = await tokenRequest(
          limited.origin,
          { grant_type: 'client_credentials' },
          { basic: { id: APP.clientId, secret: APP.clientSecret } },
        );
      }
      await conforms(response as Response, 429, 'TooManyRequests');
    } finally {
      await limited.server.stop();
    }
    const injected = await startSoundcloud({ faults: 'soundcloud:429=3#1' });
    try {
      const response = await fetch(new URL('/tracks', injected.origin));
      expect(response.headers.get('retry-after')).toBe('3');
      const body = (await conforms(response, 429, 'TooManyRequests')) as { spam_warning_urn?: string };
      expect(body.spam_warning_urn).toMatch(/^soundcloud:spam-warnings:\d+$/);
    } finally {
      await injected.server.stop();
    }
  });

  it('answers with statuses the spec declares for each operation', async () => {
    const playlist = (await (
      await api(sc.origin, userToken, '/playlists', {
        method: 'POST',
        json: { playlist: { title: 'Statuses', sharing: 'private' } },
      })
    ).json()) as { urn: string; permalink_url: string };
    const doomed = (await (
      await api(sc.origin, userToken, '/playlists', { method: 'POST', json: { playlist: { title: 'Gone' } } })
    ).json()) as { urn: string };
    const track = (await (await get(`/tracks/${TRACK.joga}`)).json()) as { permalink_url: string };
    const signingOut = (await loginAsOwner(sc.origin)).access_token;
    const missing = 'soundcloud:playlists:999999999';
    const update = { json: { playlist: { title: 'Renamed' } } };
    // [operation in the spec, status the stand-in must answer, the request that gets it]
    const cases: [string, number, () => Promise<Response>][] = [
      ['get /me', 200, () => get('/me')],
      ['get /me', 401, () => get('/me', 'not-a-token')],
      ['get /tracks', 200, () => get('/tracks?q=joga')],
      ['get /tracks', 400, () => get('/tracks?limit=500')],
      ['get /tracks/{track_urn}', 200, () => get(`/tracks/soundcloud:tracks:${TRACK.joga}`)],
      ['get /tracks/{track_urn}', 404, () => get('/tracks/soundcloud:tracks:1')],
      ['get /users/{user_urn}', 200, () => get('/users/soundcloud:users:2005')],
      ['get /users/{user_urn}', 404, () => get('/users/soundcloud:users:1')],
      ['post /playlists', 201, () => api(sc.origin, userToken, '/playlists', { method: 'POST', ...update })],
      ['get /playlists/{playlist_urn}', 200, () => get(`/playlists/${playlist.urn}`)],
      [
        'put /playlists/{playlist_urn}',
        200,
        () => api(sc.origin, userToken, `/playlists/${playlist.urn}`, { method: 'PUT', ...update }),
      ],
      [
        'put /playlists/{playlist_urn}',
        404,
        () => api(sc.origin, userToken, `/playlists/${missing}`, { method: 'PUT', ...update }),
      ],
      [
        'delete /playlists/{playlist_urn}',
        200,
        () => api(sc.origin, userToken, `/playlists/${doomed.urn}`, { method: 'DELETE' }),
      ],
      [
        'delete /playlists/{playlist_urn}',
        404,
        () => api(sc.origin, userToken, `/playlists/${missing}`, { method: 'DELETE' }),
      ],
      ['get /playlists/{playlist_urn}/tracks', 200, () => get(`/playlists/${playlist.urn}/tracks`)],
      ['get /me/playlists', 200, () => get('/me/playlists')],
      [
        'get /resolve',
        302,
        () =>
          fetch(new URL(`/resolve?url=${encodeURIComponent(track.permalink_url)}`, sc.origin), {
            headers: { authorization: `OAuth ${userToken}` },
            redirect: 'manual',
          }),
      ],
      [
        'get /resolve',
        404,
        () => get(`/resolve?url=${encodeURIComponent('https://soundcloud.com/no/such')}`),
      ],
      ['post /sign-out', 200, () => api(sc.origin, signingOut, '/sign-out', { method: 'POST' })],
    ];
    for (const [operation, expected, send] of cases) {
      const [method = '', path = ''] = operation.split(' ');
      const response = await send();
      await response.body?.cancel();
      // Both must hold: the stand-in answers what this case provokes, and the spec declares it.
      expect(response.status, operation).toBe(expected);
      expect(schemas.declaredStatuses(path, method), operation).toContain(String(response.status));
    }
  });
});
