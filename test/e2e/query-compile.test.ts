import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/core/db/database.ts';
import { QueryError, runQuery, selectReleaseIds } from '../../src/query/index.ts';
import { insertCollection, OWNED_IDS } from '../helpers/query-collection.ts';

let dir: string;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-query-'));
  database = await openDatabase({ path: join(dir, 'shelfsync.db') });
  await insertCollection(database.db);
});

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ids(query: string): Promise<number[]> {
  return (await selectReleaseIds(database.db, query)).sort((a, b) => a - b);
}

describe('selectReleaseIds: filters over the owned collection', () => {
  const cases: [string, number[]][] = [
    ['', OWNED_IDS],
    ['genre = Jazz', [1, 2, 4]],
    ['genre = jazz', [1, 2, 4]],
    ['genre != Jazz', [3, 5, 6, 8]],
    ['genre in (Pop, Latin)', [3, 5]],
    ['genre not in (Jazz, Rock)', [3, 6]],
    ['genre ~ tron', [3]],
    ['style ~ fusion', [2]],
    ['not style ~ fusion and genre = Jazz', [1, 4]],
    ['genre = Jazz and year in 1960..1969 and not style ~ fusion', [4]],
    ['year in 1960..1969', [4]],
    ['year in (1959, 1990..1999)', [1, 3, 5]],
    ['year < 1970', [1, 4]],
    ['year >= 1970', [2, 3, 5, 8]],
    ['not year >= 1970', [1, 4, 6]],
    ['decade = 1990s', [3, 5]],
    ['decade in (1950, 1960)', [1, 4]],
    ['artist = miles davis', [1, 2]],
    ['artist = Bjork', [3]],
    ['artist ~ BJÖ', [3]],
    ['artist ~ cafe', [5]],
    ['release ~ "café"', [5]],
    ['title = kind of blue', [1]],
    ['label = columbia', [1, 2]],
    ['label ~ indian', [3]],
    ['catno = cl 1355', [1]],
    ['catno ~ cd', [3, 5]],
    ['format = Vinyl', [1, 2, 4, 8]],
    ['format = LP', [1, 2, 4]],
    ['format = cd and format = album', [3, 5]],
    ['format ~ cass', [6]],
    ['country = us', [1, 2, 4, 8]],
    ['country != US', [3, 5, 6]],
    ['country ~ ex', [5]],
    ['folder = jazz', [1, 2, 4]],
    ['folder = Favourites', [3]],
    // Any copy in the folder counts, so a release with one copy there and one elsewhere is excluded.
    ['folder != Uncategorized', [1, 2, 4]],
    ['rating = 5', [1, 3, 4]],
    ['rating >= 4', [1, 2, 3, 4]],
    ['rating in (0, 1)', [3, 6, 8]],
    ['added >= 2024-01-01', [2, 3, 5, 8]],
    ['added = 2024-01-01', [5]],
    ['added < 2024', [1, 4, 6]],
    ['added <= 2023-12-31', [1, 4, 6]],
    ['added <= 2024-01-01', [1, 4, 5, 6]],
    ['added = 2024-06', [3]],
    ['added in 2022..2023', [1, 4]],
    ['added > 2024-06-30', [3]],
    ['track ~ "so what"', [1]],
    ['track = jóga', [3]],
    ['track ~ joga', [3]],
    ['track ~ "side one"', []],
    ['duration > 10:00', [2]],
    ['duration >= 9:00 and duration < 9:30', [1]],
    ['id = 3', [3]],
    ['id = 7', []],
    ['genre = Jazz or genre = Pop', [1, 2, 3, 4]],
    ['(genre = Jazz or genre = Pop) and rating = 5', [1, 3, 4]],
    ['genre = Jazz or genre = Pop and rating = 5', [1, 2, 3, 4]],
    ['genre = Nonexistent', []],
    ['not genre = Nonexistent', OWNED_IDS],
    [`title = "x' ; drop table releases; --"`, []],
    [`title = "Robert'); DROP TABLE releases;--"`, [8]],
    [`genre = "Jazz' or '1'='1"`, []],
    [`artist ~ "%"`, []],
    [`artist ~ "_"`, []],
  ];

  it.each(cases)('%s', async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('never selects a wantlist-only release', async () => {
    expect(await ids('artist = Herbie Hancock or genre = Jazz')).not.toContain(7);
  });

  it('lists a release owned twice once', async () => {
    expect(await selectReleaseIds(database.db, 'folder in (Uncategorized, Favourites) order by id')).toEqual([
      3, 5, 6, 8,
    ]);
  });

  it('honours order by and limit', async () => {
    expect(await selectReleaseIds(database.db, 'order by year desc limit 3')).toEqual([8, 3, 5]);
    expect(await selectReleaseIds(database.db, 'genre = Jazz order by rating desc, year')).toEqual([1, 4, 2]);
    expect(await selectReleaseIds(database.db, 'order by added limit 2')).toEqual([6, 4]);
    expect(await selectReleaseIds(database.db, 'order by release')).toEqual([4, 2, 5, 3, 1, 8, 6]);
  });

  it('orders by artist, year and title when no order is given', async () => {
    expect(await selectReleaseIds(database.db, '')).toEqual([6, 3, 5, 4, 8, 1, 2]);
  });

  it('leaves the database unharmed by injection attempts', async () => {
    const before = await database.db
      .selectFrom('releases')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirst();
    for (const attempt of [
      `title = "x' ; drop table releases; --"`,
      `title = x'; drop table releases; --`,
      `genre in ("a'); delete from releases; --", b)`,
      `artist ~ "') or 1=1 --"`,
    ]) {
      await selectReleaseIds(database.db, attempt).catch((error: unknown) => {
        expect(error).toBeInstanceOf(QueryError);
      });
    }
    const after = await database.db
      .selectFrom('releases')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('runs the largest queries the parser accepts', async () => {
    const many = Array.from({ length: 299 }, (_, index) => `year = ${index}`).join(' or ');
    expect(await ids(`${many} or year = 1959`)).toEqual([1]);
    expect(await ids(`${'not '.repeat(100)}genre = Jazz`)).toEqual([1, 2, 4]);
    expect(
      await ids(`genre in (${Array.from({ length: 300 }, (_, index) => `g${index}`).join(', ')})`),
    ).toEqual([]);
  });

  it('refuses an aggregate query', async () => {
    await expect(selectReleaseIds(database.db, 'count group by genre')).rejects.toMatchObject({
      code: 'usage',
    });
  });
});

describe('runQuery', () => {
  it('returns release rows with their lists', async () => {
    const result = await runQuery(database.db, 'id = 3');
    expect(result.kind).toBe('releases');
    expect(result.rows).toEqual([
      {
        id: 3,
        artist: 'Björk',
        title: 'Homogenic',
        year: 1997,
        country: 'UK',
        labels: ['One Little Indian'],
        catnos: ['TPLP71CD'],
        formats: ['CD (Album)'],
        genres: ['Electronic', 'Pop'],
        styles: ['Trip Hop'],
        rating: 5,
        added: '2024-06-15T12:00:00-00:00',
        folders: ['Favourites', 'Uncategorized'],
        copies: 2,
      },
    ]);
  });

  it('counts releases per group, a release in each of its groups', async () => {
    const result = await runQuery(database.db, 'group by genre');
    expect(result).toMatchObject({ kind: 'aggregate', columns: ['genre', 'count'] });
    expect(result.rows).toEqual([
      { genre: null, count: 1 },
      { genre: 'Electronic', count: 1 },
      { genre: 'Jazz', count: 3 },
      { genre: 'Latin', count: 1 },
      { genre: 'Pop', count: 1 },
      { genre: 'Rock', count: 2 },
    ]);
  });

  it('aggregates with a filter, group by, order by and limit', async () => {
    const result = await runQuery(
      database.db,
      'count, min(year), max(year), avg(rating) where year > 0 group by decade order by count desc limit 2',
    );
    expect(result.rows).toEqual([
      { decade: 1990, count: 2, 'min(year)': 1992, 'max(year)': 1997, 'avg(rating)': 4 },
      { decade: 1950, count: 1, 'min(year)': 1959, 'max(year)': 1959, 'avg(rating)': 5 },
    ]);
  });

  it('counts a release owned twice once, and in each folder it is in', async () => {
    expect((await runQuery(database.db, 'count')).rows).toEqual([{ count: 7 }]);
    expect((await runQuery(database.db, 'count where artist = björk group by folder')).rows).toEqual([
      { folder: 'Favourites', count: 1 },
      { folder: 'Uncategorized', count: 1 },
    ]);
  });

  it('sums track durations per release and counts distinct values', async () => {
    const result = await runQuery(database.db, 'sum(duration), count(country) where artist = Miles Davis');
    expect(result.rows).toEqual([
      { 'sum(duration)': 9 * 60 + 22 + 9 * 60 + 46 + 5 * 60 + 37 + 20 * 60 + 6, 'count(country)': 1 },
    ]);
  });

  it('shows titles, countries and dates of min and max as stored', async () => {
    const result = await runQuery(
      database.db,
      'min(release), max(country), min(added), max(rating) where genre = Jazz',
    );
    expect(result.rows).toEqual([
      {
        'min(release)': 'A Love Supreme',
        'max(country)': 'US',
        'min(added)': '2022-01-01T00:00:00Z',
        'max(rating)': 5,
      },
    ]);
  });

  it('groups by several fields and orders by a group field', async () => {
    const result = await runQuery(database.db, 'genre = Jazz group by artist, decade order by artist desc');
    expect(result.rows).toEqual([
      { artist: 'Miles Davis', decade: 1950, count: 1 },
      { artist: 'Miles Davis', decade: 1970, count: 1 },
      { artist: 'John Coltrane', decade: 1960, count: 1 },
    ]);
  });

  it('rejects a bad query with a usage error before touching the database', async () => {
    await expect(runQuery(database.db, 'genra = Jazz')).rejects.toBeInstanceOf(QueryError);
  });
});
