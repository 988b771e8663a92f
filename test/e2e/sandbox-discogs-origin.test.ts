import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs, USER_AGENT } from './sandbox-discogs-harness.ts';

/** Hosts of the real Discogs website, image CDN and video links: never the API, never rewritten. */
const WEB_HOSTS = new Set(['www.discogs.com', 'i.discogs.com', 'www.youtube.com']);

/** Every absolute http(s) URL in a JSON body. */
function absoluteUrls(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) out.push(value);
  else if (Array.isArray(value)) for (const item of value) absoluteUrls(item, out);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) absoluteUrls(item, out);
  return out;
}

/** The URLs that point at the API (not the website, images or videos). */
function apiUrls(body: unknown, link: string | null): string[] {
  const fromLink = [...(link ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1] ?? '');
  return [...absoluteUrls(body), ...fromLink].filter((url) => !WEB_HOSTS.has(new URL(url).hostname));
}

/** A GET whose Host header names something other than the address connected to (fetch cannot). */
function getWithHost(
  origin: string,
  path: string,
  host: string,
  headers: Record<string, string>,
): Promise<{ status: number; link: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers: { ...headers, host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const link = res.headers.link;
        resolve({
          status: res.statusCode ?? 0,
          link: Array.isArray(link) ? link.join(', ') : link,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Discogs stand-in: absolute URLs name the origin the client used', () => {
  let discogs: DiscogsHarness;
  let paths: string[];
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 150 });
    const { world, username } = discogs;
    const withMaster = world.discogs.releases.find((release) => release.masterId !== 0);
    const release = world.discogs.releases[0];
    const artist = release?.artists[0];
    const label = release?.labels[0];
    if (!withMaster || !release || !artist || !label) throw new Error('world too small');
    paths = [
      '/oauth/identity',
      `/users/${username}`,
      `/users/${username}/collection/folders`,
      `/users/${username}/collection/folders/0/releases?per_page=20&page=2`,
      `/users/${username}/collection/releases/${release.id}`,
      `/users/${username}/wants?per_page=5&page=2`,
      `/releases/${withMaster.id}`,
      `/masters/${withMaster.masterId}`,
      `/masters/${withMaster.masterId}/versions`,
      `/artists/${artist.id}`,
      `/artists/${artist.id}/releases?per_page=1`,
      `/labels/${label.id}`,
      `/labels/${label.id}/releases?per_page=1`,
      `/database/search?q=${encodeURIComponent(release.title)}&per_page=1`,
    ];
  });
  afterAll(() => discogs.stop());

  it('puts every API link on https://api.discogs.com for a client behind an intercepting proxy', async () => {
    let seen = 0;
    for (const path of paths) {
      const response = await discogs.call(path, {
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.discogs.com' },
      });
      expect(response.status, path).toBe(200);
      const urls = apiUrls(await response.json(), response.headers.get('link'));
      seen += urls.length;
      for (const url of urls) expect(url, path).toMatch(/^https:\/\/api\.discogs\.com\//);
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('uses the Host header when no proxy headers are sent, and those links can be followed', async () => {
    const port = new URL(discogs.origin).port;
    const headers = { 'user-agent': USER_AGENT, authorization: `Discogs token=${discogs.token}` };
    const first = await getWithHost(
      discogs.origin,
      `/users/${discogs.username}/collection/folders/0/releases?per_page=50`,
      `localhost:${port}`,
      headers,
    );
    expect(first.status).toBe(200);
    const urls = apiUrls(first.body, first.link ?? null);
    expect(urls.length).toBeGreaterThan(100);
    for (const url of urls) expect(url).toMatch(new RegExp(`^http://localhost:${port}/`));

    const next = (first.body as { pagination: { urls: { next: string } } }).pagination.urls.next;
    const followed = await fetch(next, { headers });
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as { pagination: { page: number } }).pagination.page).toBe(2);
  });

  it('adds an instance and answers its resource_url on the proxied host', async () => {
    const release = discogs.world.discogs.releases[1];
    const response = await discogs.call(
      `/users/${discogs.username}/collection/folders/1/releases/${release?.id}`,
      { method: 'POST', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.discogs.com' } },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { resource_url: string };
    expect(body.resource_url).toMatch(/^https:\/\/api\.discogs\.com\/users\//);
  });
});
