import { afterEach, describe, expect, it } from 'vitest';
import { type HardcoverHarness, START_MS, startHardcover } from './fixtures/hardcover-client.ts';
import { ALICE, BOB, CAROL_READ_ONLY } from './fixtures/hardcover-world.ts';

const ME = '{ me { id username } }';

const RATE_HEADERS = [
  'ratelimit-policy',
  'ratelimit',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-daily-limit',
  'x-ratelimit-daily-remaining',
  'x-ratelimit-daily-reset',
];

describe('Hardcover stand-in gateway', () => {
  let hc: HardcoverHarness | undefined;
  afterEach(async () => {
    await hc?.server.stop();
    hc = undefined;
  });

  const start = async (options: Parameters<typeof startHardcover>[0] = { limits: {} }) => {
    hc = await startHardcover(options);
    return hc;
  };

  it('answers the 11th request of a burst with 429, Retry-After and the documented body', async () => {
    const { gql } = await start();
    for (let i = 1; i <= 10; i++) expect((await gql(ME)).status, `request ${i}`).toBe(200);
    const limited = await gql(ME);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toMatchObject({ error: 'Too Many Requests', message: expect.any(String) });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('refills the bucket at 60 a minute as the clock moves', async () => {
    const { gql, clock } = await start();
    for (let i = 0; i < 10; i++) await gql(ME);
    expect((await gql(ME)).status).toBe(429);
    clock.advance(1000);
    expect((await gql(ME)).status).toBe(200);
    expect((await gql(ME)).status).toBe(429);
    clock.advance(3000);
    for (let i = 0; i < 3; i++) expect((await gql(ME)).status).toBe(200);
    expect((await gql(ME)).status).toBe(429);
  });

  it('charges one unit per top-level field, aliases included, and asks to wait for all of them', async () => {
    const { gql } = await start();
    const five = '{ a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } }';
    expect((await gql(five)).status).toBe(200);
    const second = await gql(five);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    const third = await gql('{ a: me { id } b: me { id } }');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('2');
  });

  it('doubles the refill rate with rate scale 2', async () => {
    const { gql, clock } = await start({ limits: {}, rateScale: 2 });
    for (let i = 0; i < 10; i++) await gql(ME);
    expect((await gql(ME)).status).toBe(429);
    clock.advance(1000);
    expect((await gql(ME)).status).toBe(200);
    expect((await gql(ME)).status).toBe(200);
    expect((await gql(ME)).status).toBe(429);
    const policy = (await gql(ME)).headers.get('ratelimit-policy');
    expect(policy).toBe('"Free";q=120;w=60;burst=10, "daily";q=10000;w=86400');
  });

  it('enforces the daily quota until midnight UTC', async () => {
    const { gql, clock } = await start({ limits: { burst: 10, daily: 3 } });
    for (let i = 0; i < 3; i++) expect((await gql(ME)).status).toBe(200);
    clock.advance(60_000);
    const refused = await gql(ME);
    expect(refused.status).toBe(429);
    const secondsToMidnight = (Date.UTC(2026, 2, 11) - (START_MS + 60_000)) / 1000;
    expect(refused.headers.get('retry-after')).toBe(String(secondsToMidnight));
    expect(refused.headers.get('x-ratelimit-daily-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-daily-reset')).toBe(String(Date.UTC(2026, 2, 11) / 1000));
    clock.set(Date.UTC(2026, 2, 11, 0, 0, 1));
    expect((await gql(ME)).status).toBe(200);
  });

  it('keeps a separate bucket per token', async () => {
    const { gql } = await start();
    for (let i = 0; i < 10; i++) await gql(ME);
    expect((await gql(ME)).status).toBe(429);
    expect((await gql(ME, undefined, BOB.token)).status).toBe(200);
  });

  it('sends every rate-limit header on every answered request, with consistent values', async () => {
    const { gql, post } = await start();
    const ok = await gql(ME);
    for (const name of RATE_HEADERS) expect(ok.headers.get(name), name).not.toBeNull();
    expect(ok.headers.get('ratelimit-policy')).toBe('"Free";q=60;w=60;burst=10, "daily";q=5000;w=86400');
    expect(ok.headers.get('ratelimit')).toBe('"Free";r=9;t=1, "daily";r=4999;t=43200');
    expect(ok.headers.get('x-ratelimit-limit')).toBe('10');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('9');
    expect(ok.headers.get('x-ratelimit-reset')).toBe(String(START_MS / 1000 + 1));
    expect(ok.headers.get('x-ratelimit-daily-limit')).toBe('5000');
    const invalid = await post('{not json');
    expect(invalid.status).toBe(400);
    for (const name of RATE_HEADERS) expect(invalid.headers.get(name), name).not.toBeNull();
  });

  it('refuses a 6th top-level field with 403 and an errors array, without charging', async () => {
    const { gql } = await start();
    const six = await gql(
      '{ a: me { id } b: me { id } c: me { id } d: books(limit: 1) { id } e: editions(limit: 1) { id } f: me { id } }',
    );
    expect(six.status).toBe(403);
    expect(six.body.errors).toHaveLength(1);
    expect(six.body.errors[0].message).toContain('top_level_limit_exceeded');
    expect(six.body.errors[0].extensions.code).toBe('top_level_query_limit_exceeded');
    expect(six.headers.get('x-ratelimit-remaining')).toBe('10');
    const sixMutations = await gql(
      `mutation { ${[1, 2, 3, 4, 5, 6].map((i) => `m${i}: delete_user_book_read(id: ${i}) { id }`).join(' ')} }`,
    );
    expect(sixMutations.status).toBe(403);
    expect(sixMutations.body.errors[0].extensions.code).toBe('top_level_mutation_limit_exceeded');
  });

  it('counts fields reached through fragments on the root', async () => {
    const { gql } = await start();
    const query = `query { ...Three ... on query_root { x: me { id } y: me { id } } z: me { id } }
      fragment Three on query_root { a: me { id } b: me { id } c: me { id } }`;
    expect((await gql(query)).status).toBe(403);
  });

  it('allows one search per request and refuses two', async () => {
    const { gql } = await start();
    expect((await gql('{ search(query: "hobbit") { ids } me { id } }')).status).toBe(200);
    const two = await gql('{ a: search(query: "hobbit") { ids } b: search(query: "ring") { ids } }');
    expect(two.status).toBe(403);
    expect(two.body.errors[0].extensions.code).toBe('search_query_limit_exceeded');
  });

  it('answers 401 invalid_token for a missing, unknown or scheme-less token', async () => {
    const { post } = await start();
    const body = { query: ME };
    for (const response of [
      await post(body, null),
      await post(body, 'hc_pat_nobody'),
      await post(body, null, { authorization: ALICE.token }),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: 'invalid_token',
        error_description: expect.any(String),
      });
    }
    const lowercase = await post(body, null, { authorization: `bearer ${ALICE.token}` });
    expect(lowercase.status).toBe(200);
  });

  it('answers 400 for a malformed body or an unparseable document', async () => {
    const { post } = await start();
    const notJson = await post('{"query": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'Malformed request body' });
    expect((await post({ variables: {} })).status).toBe(400);
    const unparseable = await post({ query: '{ me { id ' });
    expect(unparseable.status).toBe(400);
    expect(await unparseable.json()).toMatchObject({
      error: 'invalid_query',
      error_description: expect.any(String),
    });
  });

  it('reports an invalid document in-band with HTTP 200 and a Hasura validation error', async () => {
    const { gql } = await start();
    const answer = await gql('{ me { id favourite_colour } }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      errors: [
        {
          message: "field 'favourite_colour' not found in type: 'users'",
          extensions: { path: '$.selectionSet.me.selectionSet.favourite_colour', code: 'validation-failed' },
        },
      ],
    });
  });

  it('refuses disabled operators in-band, inline or through variables', async () => {
    const { gql } = await start();
    const inline = await gql('{ books(where: { title: { _ilike: "%hobbit%" } }) { id } }');
    expect(inline.status).toBe(200);
    expect(inline.body.errors[0].message).toContain('_ilike');
    expect(inline.body.errors[0].extensions.code).toBe('validation-failed');
    const viaVariable = await gql('query ($w: books_bool_exp) { books(where: $w) { id } }', {
      w: { title: { _regex: 'Hob.*' } },
    });
    expect(viaVariable.status).toBe(200);
    expect(viaVariable.body.data).toBeUndefined();
    expect(viaVariable.body.errors[0].message).toContain('_regex');
  });

  it('answers 403 insufficient_scope when the token lacks a scope', async () => {
    const { gql } = await start();
    const refused = await gql('{ user_books { id } }', undefined, CAROL_READ_ONLY.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'insufficient_scope', scope: 'read:library' });
    expect((await gql('{ books(limit: 1) { id } }', undefined, CAROL_READ_ONLY.token)).status).toBe(200);
  });

  it('records stats per top-level field and counts units', async () => {
    const { gql, server } = await start();
    await gql('{ me { id } books(limit: 1) { id } }');
    await gql('{ search(query: "hobbit") { ids } }');
    await gql('mutation { delete_user_book_read(id: 999999) { error } }');
    expect(server.stats()).toMatchObject({
      requests: 3,
      units: 4,
      reads: 2,
      searches: 1,
      writes: 1,
      status: { '200': 3 },
      routes: { me: 1, books: 1, search: 1, delete_user_book_read: 1 },
      duplicateOpenReads: 0,
    });
  });

  it('serves injected 429 and 5xx faults with Hardcover bodies', async () => {
    const { gql } = await start({ limits: {}, faults: 'hardcover:429=3#1,hardcover:503#2,hardcover:500#3' });
    const limited = await gql(ME);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('ratelimit-policy')).not.toBeNull();
    expect(limited.body).toMatchObject({ error: 'Too Many Requests' });
    const unavailable = await gql(ME);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual({ error: 'Service temporarily unavailable' });
    const broken = await gql(ME);
    expect(broken.status).toBe(500);
    expect(broken.body).toEqual({ error: 'An unknown error occurred' });
  });

  it('answers 404 outside POST /v1/graphql', async () => {
    const { server } = await start();
    expect((await fetch(`${server.origin}/v1/graphql`)).status).toBe(404);
    expect((await fetch(`${server.origin}/graphql`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
