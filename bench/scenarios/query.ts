import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuery } from '../../src/query/index.ts';
import { round, type ScenarioResult } from '../lib/result.ts';
import { median, quantile } from '../lib/stats.ts';
import { generateQueryCollection } from './query-collection.ts';

/** Ten queries of the kinds people write: filters, word search, grouping, aggregates, ordering. */
export const QUERIES = [
  'genre = Jazz and year in 1960..1969 and not style ~ fusion group by decade',
  'genre = Jazz group by style order by count desc limit 10',
  'count, avg(rating) where year >= 1970 and format = Vinyl group by genre',
  'rating >= 4 and added >= 2015-01-01 group by folder',
  'group by decade',
  'artist ~ "artist 12" group by genre',
  'genre = Jazz and year in 1960..1969 and not style ~ fusion order by year limit 50',
  'format = CD and country = Japan order by year desc limit 20',
  'title ~ "title 42" or label ~ "label 7" limit 100',
  'count where genre in (Rock, Pop) and year < 1980 group by country',
] as const;

/** Every query timed `runs` times on one generated collection: median and p95 per query, and overall. */
export async function queryLanguage(releases: number, runs: number): Promise<ScenarioResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shelfsync-bench-query-'));
  const database = await generateQueryCollection(dir, releases);
  const all: number[] = [];
  const rows: ScenarioResult[] = [];
  try {
    for (const query of QUERIES) {
      const wall: number[] = [];
      const cpu: number[] = [];
      let matched = 0;
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const result = await runQuery(database.db, query);
        const used = process.cpuUsage(cpuStarted);
        wall.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
        matched = result.rows.length;
      }
      all.push(...wall);
      rows.push({
        scenario: 'query language',
        size: `${releases.toLocaleString('en-US')} records`,
        runs,
        status: 'ok',
        counts: {
          query,
          'rows out': matched,
          'median ms': round(median(wall)),
          'p95 ms': round(quantile(wall, 0.95)),
          'median CPU ms': round(median(cpu)),
        },
      });
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    scenario: 'query language, all 10 queries',
    size: `${releases.toLocaleString('en-US')} records`,
    runs,
    status: 'ok',
    counts: { 'median ms': round(median(all)), 'p95 ms': round(quantile(all, 0.95)) },
  });
  return rows;
}
