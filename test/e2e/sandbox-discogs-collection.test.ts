import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { playableTracks } from '../../sandbox/records/playable.ts';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

const pageSchema = z.object({
  pagination: z.object({
    page: z.number(),
    pages: z.number(),
    per_page: z.number(),
    items: z.number(),
    urls: z
      .object({ first: z.string(), prev: z.string(), next: z.string(), last: z.string() })
      .partial()
      .strict(),
  }),
  releases: z.array(
    z.object({
      id: z.number(),
      instance_id: z.number(),
      folder_id: z.number(),
      rating: z.number(),
      date_added: z.string(),
      notes: z.array(z.object({ field_id: z.number(), value: z.string() })).optional(),
      basic_information: z.object({
        title: z.string(),
        year: z.number(),
        artists: z.array(z.object({ name: z.string(), anv: z.string(), join: z.string() })),
        labels: z.array(z.object({ name: z.string(), catno: z.string() })),
        formats: z.array(z.object({ name: z.string() })),
      }),
    }),
  ),
});
type Item = z.infer<typeof pageSchema>['releases'][number];

describe('Discogs stand-in: collection listings', () => {
  let discogs: DiscogsHarness;
  let base: string;
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 230 });
    base = `/users/${discogs.username}/collection`;
  });
  afterAll(() => discogs.stop());

  const page = async (path: string) => {
    const response = await discogs.call(path);
    expect(response.status).toBe(200);
    return { body: pageSchema.parse(await response.json()), link: response.headers.get('link') };
  };

  const everything = async (query: string) => {
    const items: Item[] = [];
    let next: string | undefined = `${base}/folders/0/releases?${query}`;
    while (next) {
      const { body } = await page(next);
      items.push(...body.releases);
      next = body.pagination.urls.next?.replace(discogs.origin, '');
    }
    return items;
  };

  it('pages with per_page=100 and absolute urls, first/prev only after page 1', async () => {
    const first = await page(`${base}/folders/0/releases?per_page=100`);
    expect(first.body.pagination).toMatchObject({ page: 1, pages: 3, per_page: 100, items: 230 });
    expect(first.body.releases).toHaveLength(100);
    expect(Object.keys(first.body.pagination.urls).sort()).toEqual(['last', 'next']);
    expect(first.body.pagination.urls.next).toBe(
      `${discogs.origin}${base}/folders/0/releases?page=2&per_page=100`,
    );
    expect(first.link).toBe(
      `<${discogs.origin}${base}/folders/0/releases?page=2&per_page=100>; rel=next, <${discogs.origin}${base}/folders/0/releases?page=3&per_page=100>; rel=last`,
    );
    const last = await page(`${base}/folders/0/releases?per_page=100&page=3`);
    expect(last.body.releases).toHaveLength(30);
    expect(Object.keys(last.body.pagination.urls).sort()).toEqual(['first', 'prev']);
    expect(last.link).toContain('rel=prev');
  });

  it('defaults to 50 per page and caps per_page at 100', async () => {
    expect((await page(`${base}/folders/0/releases`)).body.pagination.per_page).toBe(50);
    const capped = await page(`${base}/folders/0/releases?per_page=500`);
    expect(capped.body.pagination.per_page).toBe(100);
    expect(capped.body.releases).toHaveLength(100);
  });

  it('gives a single page empty urls and no Link header', async () => {
    const wants = await discogs.call(`/users/${discogs.username}/wants?per_page=100`);
    const body = (await wants.json()) as { pagination: { urls: object; pages: number } };
    expect(body.pagination.pages).toBe(1);
    expect(body.pagination.urls).toEqual({});
    expect(wants.headers.get('link')).toBeNull();
  });

  it('lists every instance exactly once across pages, duplicates as separate instances', async () => {
    const items = await everything('per_page=37');
    expect(items).toHaveLength(discogs.world.discogs.collection.length);
    expect(new Set(items.map((item) => item.instance_id)).size).toBe(items.length);
    expect(new Set(items.map((item) => item.id)).size).toBeLessThan(items.length);
  });

  it.each(['label', 'artist', 'title', 'catno', 'format', 'rating', 'added', 'year'])(
    'sorts by %s, both ways',
    async (sort) => {
      const asc = await everything(`per_page=100&sort=${sort}`);
      const desc = await everything(`per_page=100&sort=${sort}&sort_order=desc`);
      expect(desc.map((item) => item.instance_id)).toEqual(asc.map((item) => item.instance_id).reverse());
      const value = (item: Item): string | number => {
        const info = item.basic_information;
        if (sort === 'rating') return item.rating;
        if (sort === 'year') return info.year;
        if (sort === 'added') return Date.parse(item.date_added);
        if (sort === 'title') return info.title;
        if (sort === 'format') return info.formats[0]?.name ?? '';
        if (sort === 'label') return info.labels[0]?.name ?? '';
        if (sort === 'catno') return info.labels[0]?.catno ?? '';
        // "A & B", as Discogs displays a credit: name variation first, no "(2)" suffix, joins between.
        return info.artists
          .map((a, i) => {
            const name = a.anv || a.name.replace(/ \(\d+\)$/, '');
            if (i === info.artists.length - 1 || !a.join) return name;
            return a.join === ',' ? `${name},` : `${name} ${a.join}`;
          })
          .join(' ');
      };
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      for (let i = 1; i < asc.length; i++) {
        const [a, b] = [value(asc[i - 1] as Item), value(asc[i] as Item)];
        if (typeof a === 'number' && typeof b === 'number') expect(a).toBeLessThanOrEqual(b);
        else expect(collator.compare(String(a), String(b))).toBeLessThanOrEqual(0);
      }
    },
  );

  it('keeps sort parameters in the pagination urls', async () => {
    const { body } = await page(`${base}/folders/0/releases?sort=added&sort_order=desc&per_page=100`);
    expect(body.pagination.urls.next).toBe(
      `${discogs.origin}${base}/folders/0/releases?sort=added&sort_order=desc&page=2&per_page=100`,
    );
  });

  it("lists folders with counts, and only the folder's items in a folder", async () => {
    const response = await discogs.call(`${base}/folders`);
    const { folders } = (await response.json()) as {
      folders: { id: number; name: string; count: number; resource_url: string }[];
    };
    expect(folders[0]).toEqual({
      id: 0,
      name: 'All',
      count: 230,
      resource_url: `${discogs.origin}${base}/folders/0`,
    });
    expect(folders[1]?.name).toBe('Uncategorized');
    expect(folders.slice(1).reduce((sum, folder) => sum + folder.count, 0)).toBe(230);
    const jazz = folders.find((folder) => folder.name === 'Jazz');
    const inJazz = await page(`${base}/folders/${jazz?.id}/releases?per_page=100`);
    expect(inJazz.body.pagination.items).toBe(jazz?.count);
    expect(inJazz.body.releases.every((item) => item.folder_id === jazz?.id)).toBe(true);
    const one = await discogs.call(`${base}/folders/${jazz?.id}`);
    expect(await one.json()).toEqual({
      id: jazz?.id,
      name: 'Jazz',
      count: jazz?.count,
      resource_url: `${discogs.origin}${base}/folders/${jazz?.id}`,
    });
  });

  it('shows the instances of one release, with notes', async () => {
    const counts = new Map<number, number>();
    for (const item of discogs.world.discogs.collection)
      counts.set(item.releaseId, (counts.get(item.releaseId) ?? 0) + 1);
    const twice = [...counts].find(([, n]) => n === 2)?.[0];
    const { body } = await page(`${base}/releases/${twice}`);
    expect(body.releases).toHaveLength(2);
    expect(body.releases[0]?.instance_id).not.toBe(body.releases[1]?.instance_id);
    const withNotes = discogs.world.discogs.collection.find((item) =>
      item.notes.some((note) => note.field_id === 4),
    );
    const own = await page(`${base}/releases/${withNotes?.releaseId}`);
    expect(own.body.releases.find((item) => item.instance_id === withNotes?.instanceId)?.notes).toEqual(
      withNotes?.notes,
    );
  });

  it('lists the custom fields and the collection value', async () => {
    const fields = (await (await discogs.call(`${base}/fields`)).json()) as {
      fields: { id: number; type: string }[];
    };
    expect(fields.fields.map((field) => field.type)).toEqual([
      'dropdown',
      'dropdown',
      'textarea',
      'textarea',
    ]);
    const value = await (await discogs.call(`${base}/value`)).json();
    expect(value).toEqual({
      maximum: expect.stringMatching(/^\$[\d,]+\.\d\d$/),
      median: expect.any(String),
      minimum: expect.any(String),
    });
  });

  it('serves full releases with their tracklists, sub-tracks and headings', async () => {
    const release =
      discogs.world.discogs.releases.find((r) => r.tracklist.some((t) => t.type_ === 'index')) ??
      discogs.world.discogs.releases[0];
    const response = await discogs.call(`/releases/${release?.id}`);
    const body = (await response.json()) as {
      id: number;
      title: string;
      tracklist: { type_: string; position: string; sub_tracks?: unknown[] }[];
    };
    expect(body.id).toBe(release?.id);
    expect(body.tracklist.map((t) => [t.type_, t.position])).toEqual(
      release?.tracklist.map((t) => [t.type_, t.position]),
    );
    const subTracks = body.tracklist.flatMap((t) => t.sub_tracks ?? []);
    expect(subTracks.length).toBe(
      playableTracks(release?.tracklist ?? []).length -
        body.tracklist.filter((t) => t.type_ === 'track').length,
    );
  });

  it('serves masters and their versions', async () => {
    const masters = new Map<number, number>();
    for (const r of discogs.world.discogs.releases)
      if (r.masterId) masters.set(r.masterId, (masters.get(r.masterId) ?? 0) + 1);
    const [masterId, versions] = [...masters].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    const master = (await (await discogs.call(`/masters/${masterId}`)).json()) as {
      id: number;
      main_release: number;
      versions_url: string;
    };
    expect(master.id).toBe(masterId);
    expect(master.versions_url).toBe(`${discogs.origin}/masters/${masterId}/versions`);
    const list = (await (await discogs.call(`/masters/${masterId}/versions`)).json()) as {
      versions: { id: number }[];
    };
    expect(list.versions).toHaveLength(versions);
    expect(list.versions.map((v) => v.id)).toContain(master.main_release);
  });
});
