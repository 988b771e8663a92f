import { once } from 'node:events';
import type { Command } from 'commander';
import { PersistentCache, type PersistentNamespaceStats } from '../../core/cache/persistent-cache.ts';
import type { Database } from '../../core/db/database.ts';
import { usageError } from '../../core/errors.ts';
import { printJson, printLine } from '../output.ts';
import { withRuntime } from '../runtime.ts';

const MEMORY_NOTE =
  'Memory caches live only inside a running shelfsync process (sync, start, interactive), so only the ' +
  'persistent caches in the database are listed here.';

interface JsonFlag {
  json?: boolean;
}

export function registerCacheCommand(program: Command): void {
  const cache = program
    .command('cache')
    .description(
      'show, clear or export the caches kept in the database (matches, searches, tracklists, ...)',
    );

  cache
    .command('stats')
    .description('entries, size, hits, misses and hit rate of each cache namespace')
    .option('--json', 'print one JSON object')
    .action(async (flags: JsonFlag, command: Command) => {
      await withCache(command, async (store, database) => {
        const namespaces = (await store.stats()).map(lifetimeStats);
        if (flags.json) {
          printJson({ database: database.path, namespaces, note: MEMORY_NOTE });
          return;
        }
        printLine(`Persistent caches in ${database.path}`);
        printLine();
        if (namespaces.length === 0) printLine('No cached entries yet.');
        else for (const line of formatStatsTable(namespaces)) printLine(line);
        printLine();
        printLine(MEMORY_NOTE);
      });
    });

  cache
    .command('clear')
    .description('delete the entries (and hit counters) of one namespace, or of all of them')
    .argument('[namespace]', 'only this namespace, e.g. searches')
    .option('--json', 'print one JSON object')
    .action(async (namespace: string | undefined, flags: JsonFlag, command: Command) => {
      await withCache(command, async (store) => {
        const cleared = await store.clear(namespace);
        if (flags.json) {
          printJson({ namespace: namespace ?? null, cleared });
          return;
        }
        const entries = `${cleared} ${cleared === 1 ? 'entry' : 'entries'}`;
        printLine(
          namespace === undefined
            ? `Cleared ${entries} from every cache.`
            : `Cleared ${entries} from ${namespace}.`,
        );
      });
    });

  cache
    .command('export')
    .description('print every cached entry as one JSON object per line')
    .argument('[namespace]', 'only this namespace')
    .option('--format <format>', 'output format: json (one object per line)', 'json')
    .action(async (namespace: string | undefined, flags: { format: string }, command: Command) => {
      // Checked here rather than with commander's choices() so a bad value exits as a usage error (2).
      if (flags.format !== 'json') throw usageError(`--format must be json, not "${flags.format}"`);
      await withCache(command, async (_store, database) => {
        let query = database.db
          .selectFrom('cache_entries')
          .select(['namespace', 'key', 'value', 'expires_at', 'created_at', 'hits'])
          .orderBy('namespace')
          .orderBy('key');
        if (namespace !== undefined) query = query.where('namespace', '=', namespace);
        for await (const row of query.stream()) {
          const line = JSON.stringify({
            namespace: row.namespace,
            key: row.key,
            value: parseStoredJson(row.value),
            expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
            createdAt: new Date(row.created_at).toISOString(),
            hits: row.hits,
          });
          if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
        }
      });
    });
}

/** Runs `work` on the config's database; the runtime closes it again whatever happens. */
async function withCache(
  command: Command,
  work: (store: PersistentCache, database: Database) => Promise<void>,
): Promise<void> {
  await withRuntime(command, async (runtime) => {
    const database = await runtime.database();
    await work(new PersistentCache({ db: database.db, clock: database.clock }), database);
  });
}

interface LifetimeStats {
  namespace: string;
  entries: number;
  expired: number;
  bytes: number;
  hits: number;
  misses: number;
  hitRate: number | null;
}

/** This process has done no lookups, so the counters worth showing are the ones over all runs. */
function lifetimeStats(stats: PersistentNamespaceStats): LifetimeStats {
  const { namespace, entries, expired, bytes, totalHits, totalMisses, hitRate } = stats;
  return { namespace, entries, expired, bytes, hits: totalHits, misses: totalMisses, hitRate };
}

function formatStatsTable(rows: readonly LifetimeStats[]): string[] {
  const header = ['namespace', 'entries', 'expired', 'size', 'hits', 'misses', 'hit rate'];
  const cells = rows.map((row) => [
    row.namespace,
    String(row.entries),
    String(row.expired),
    formatBytes(row.bytes),
    String(row.hits),
    String(row.misses),
    row.hitRate === null ? '-' : `${Math.round(row.hitRate * 100)}%`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column]!.length)),
  );
  // The first column reads as text (left-aligned), the rest as numbers (right-aligned).
  const format = (cell: readonly string[]) =>
    cell
      .map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!)))
      .join('  ');
  return [format(header), ...cells.map(format)];
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Values are JSON we wrote ourselves; a damaged one is exported as its raw text rather than dropped. */
function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
