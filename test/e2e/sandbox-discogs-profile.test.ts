import { afterEach, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * Identity and profile. Edit Profile and the currency default follow the developer docs ("Profile",
 * "Release": curr_abbr "Defaults to the authenticated users currency"); the keys the docs' examples
 * lack (activated, marketplace_suspended, is_staff, num_unread), the identity's consumer_name for a
 * personal token and the invalid-currency answer are as api.discogs.com answered a client's live tests
 * (damidhagor/DiscogsApiClient, User/UserTests.cs, User/IdentityTests.cs and their recordings).
 */
describe('Discogs stand-in: identity and profile', () => {
  let discogs: DiscogsHarness | undefined;
  afterEach(async () => {
    await discogs?.stop();
    discogs = undefined;
  });

  it('names a personal token after its user in /oauth/identity', async () => {
    discogs = await startDiscogs({ records: 5 });
    const identity = (await (await discogs.call('/oauth/identity')).json()) as Record<string, unknown>;
    expect(identity.consumer_name).toBe(discogs.username);
  });

  it('shows the account flags, and the unread count to the owner only', async () => {
    discogs = await startDiscogs({ records: 5 });
    const own = (await (await discogs.call(`/users/${discogs.username}`)).json()) as Record<string, unknown>;
    expect(own).toMatchObject({
      activated: true,
      marketplace_suspended: false,
      is_staff: false,
      num_unread: 0,
    });
    const other = (await (
      await discogs.call(`/users/${discogs.username}`, { token: null })
    ).json()) as Record<string, unknown>;
    expect(other).toMatchObject({ activated: true, marketplace_suspended: false, is_staff: false });
    expect(other).not.toHaveProperty('num_unread');
  });

  it('edits the profile: given fields change, empty ones clear, an empty currency is ignored', async () => {
    discogs = await startDiscogs({ records: 5 });
    const h = discogs;
    const path = `/users/${h.username}`;
    const edited = await h.call(path, {
      method: 'POST',
      body: {
        name: 'Ada',
        home_page: 'https://example.com',
        location: 'Leeds',
        profile: 'Hi',
        curr_abbr: 'EUR',
      },
    });
    expect(edited.status).toBe(200);
    const fields = {
      name: 'Ada',
      home_page: 'https://example.com',
      location: 'Leeds',
      profile: 'Hi',
      curr_abbr: 'EUR',
    };
    expect(await edited.json()).toMatchObject({
      ...fields,
      username: h.username,
      email: h.world.discogs.user.email,
    });
    expect(await (await h.call(path, { token: null })).json()).toMatchObject(fields);
    const cleared = await h.call(path, { method: 'POST', body: { location: '', curr_abbr: '' } });
    expect(await cleared.json()).toMatchObject({ ...fields, location: '' });
    const unchanged = await h.call(path, { method: 'POST', body: {} });
    expect(await unchanged.json()).toMatchObject({ ...fields, location: '' });
  });

  it('refuses an unknown currency, other users and anonymous callers', async () => {
    discogs = await startDiscogs({ records: 5 });
    const path = `/users/${discogs.username}`;
    const bad = await discogs.call(path, { method: 'POST', body: { curr_abbr: 'XXX' } });
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ message: 'Invalid currency abbreviation.' });
    const guest = discogs.world.discogs.guests?.[0]?.token ?? '';
    const forbidden = await discogs.call(path, { method: 'POST', body: { name: 'x' }, token: guest });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ message: "You don't have permission to access this resource." });
    expect((await discogs.call(path, { method: 'POST', body: { name: 'x' }, token: null })).status).toBe(401);
  });

  it("prices a release in the caller's own currency unless curr_abbr says otherwise", async () => {
    discogs = await startDiscogs({ records: 40 });
    const h = discogs;
    const forSale = h.world.discogs.releases.find((release) => release.id % 13 !== 0 && release.have > 100);
    const price = async (query = '') =>
      ((await (await h.call(`/releases/${forSale?.id}${query}`)).json()) as { lowest_price: number })
        .lowest_price;
    const usd = await price();
    const eur = await price('?curr_abbr=EUR');
    await h.call(`/users/${h.username}`, { method: 'POST', body: { curr_abbr: 'EUR' } });
    expect(await price()).toBe(eur);
    expect(await price('?curr_abbr=USD')).toBe(usd);
    const anonymous = await h.call(`/releases/${forSale?.id}`, { token: null });
    expect(((await anonymous.json()) as { lowest_price: number }).lowest_price).toBe(usd);
  });

  // The fixture users/example/collection/value.json is in pounds; live values come in the owner's currency.
  it("values the collection in the owner's currency", async () => {
    discogs = await startDiscogs({ records: 40 });
    const value = async () =>
      (await (await discogs?.call(`/users/${discogs?.username}/collection/value`))?.json()) as Record<
        string,
        string
      >;
    expect((await value()).median).toMatch(/^\$[\d,]+\.\d\d$/);
    await discogs.call(`/users/${discogs.username}`, { method: 'POST', body: { curr_abbr: 'GBP' } });
    const pounds = await value();
    expect(Object.values(pounds).every((text) => /^£[\d,]+\.\d\d$/.test(text))).toBe(true);
  });

  // Documented ("User Submissions", "User Contributions"); sandbox users have edited nothing.
  it('lists no submissions and no contributions, as empty pages', async () => {
    discogs = await startDiscogs({ records: 5 });
    const page = { page: 1, pages: 1, per_page: 50, items: 0, urls: {} };
    const submissions = await discogs.call(`/users/${discogs.username}/submissions`, { token: null });
    expect(submissions.status).toBe(200);
    expect(await submissions.json()).toEqual({
      pagination: page,
      submissions: { artists: [], labels: [], releases: [] },
    });
    const contributions = await discogs.call(`/users/${discogs.username}/contributions?sort=artist`);
    expect(await contributions.json()).toEqual({ pagination: page, contributions: [] });
    const nobody = await discogs.call('/users/nobody-here/contributions');
    expect(nobody.status).toBe(404);
  });
});
