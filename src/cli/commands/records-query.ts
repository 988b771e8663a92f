import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../../core/errors.ts';
import { isAggregateQuery, parseQuery, type QueryResult, runQuery } from '../../query/index.ts';
import { resultCsv, resultJson, resultTable } from '../query-output.ts';
import { withRuntime } from '../runtime.ts';

const QUERY_HELP =
  'a collection query, e.g. "genre = Jazz and year in 1960..1969 order by year" (see README)';

/** `records query`, `records list` and `records export`: the query language over the local collection. */
export function registerRecordsQueryCommands(records: Command): void {
  records
    .command('query')
    .description('run a query over the collection: releases, or counts with group by')
    .argument('<query>', QUERY_HELP)
    .option('--json', 'print one JSON object')
    .option('--csv', 'print CSV (RFC 4180)')
    .action(async (text: string, flags: { json?: boolean; csv?: boolean }, command: Command) => {
      if (flags.json && flags.csv) throw usageError('choose one of --json and --csv');
      parseQuery(text);
      const result = await queryResult(command, text);
      if (flags.json) writeOut(`${JSON.stringify(resultJson(result))}\n`);
      else if (flags.csv) writeOut(resultCsv(result));
      else writeOut(`${resultTable(result).join('\n')}\n`);
    });

  records
    .command('list')
    .description('list the releases in the collection, optionally filtered by a query')
    .option('--query <query>', QUERY_HELP, '')
    .option('--json', 'print one JSON object')
    .action(async (flags: { query: string; json?: boolean }, command: Command) => {
      if (isAggregateQuery(parseQuery(flags.query))) {
        throw usageError('records list shows releases; run counts and group by with records query');
      }
      const result = await queryResult(command, flags.query);
      if (flags.json) writeOut(`${JSON.stringify(resultJson(result))}\n`);
      else writeOut(`${resultTable(result).join('\n')}\n`);
    });

  records
    .command('export')
    .description('export the collection (or what a query selects) as CSV or JSON')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--query <query>', QUERY_HELP, '')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: { format: string; query: string; out?: string }, command: Command) => {
      if (flags.format !== 'csv' && flags.format !== 'json') {
        throw usageError(`--format must be csv or json, not "${flags.format}"`);
      }
      parseQuery(flags.query);
      const result = await queryResult(command, flags.query);
      const body = flags.format === 'csv' ? resultCsv(result) : `${JSON.stringify(result.rows, null, 2)}\n`;
      if (flags.out === undefined) {
        writeOut(body);
        return;
      }
      const path = resolve(flags.out);
      // Written next to the target and renamed, so an interrupted export never leaves half a file.
      const partial = `${path}.partial`;
      writeFileSync(partial, body);
      renameSync(partial, path);
      const noun = result.kind === 'releases' ? 'releases' : 'rows';
      process.stderr.write(`Exported ${result.rows.length} ${noun} to ${path}\n`);
    });
}

async function queryResult(command: Command, text: string): Promise<QueryResult> {
  return withRuntime(command, async (runtime) => runQuery((await runtime.database()).db, text));
}

/**
 * Writes the whole output at once. A reader that stops early (`records list | head`) closes the pipe;
 * that ends the command quietly with success instead of an EPIPE stack trace.
 */
function writeOut(text: string): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  process.stdout.write(text);
}
