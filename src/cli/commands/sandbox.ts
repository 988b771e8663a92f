import type { Command } from 'commander';
import { FaultSpecError, parseFaultSpec } from '../../../sandbox/core/faults.ts';
import { usageError } from '../../core/errors.ts';
import { printJson, printLine } from '../output.ts';
import { integerOption, positiveNumberOption } from '../parse-options.ts';

interface SandboxFlags {
  seed: number;
  books: number;
  records: number;
  rateScale: number;
  faults?: string;
  tokenTtl: number;
  hardcoverDaily?: number;
  hardcoverStatusOpensRead: boolean;
  hardcoverReadUpdate: 'replace' | 'merge';
  json?: boolean;
}

/** A parser for an option that takes one of a few words; a bad word is a usage error (exit 2). */
function choiceOption<T>(name: string, choices: Record<string, T>) {
  return (value: string): T => {
    const key = value.trim().toLowerCase();
    if (!Object.hasOwn(choices, key))
      throw usageError(`${name} must be one of ${Object.keys(choices).join(', ')}, not "${value}"`);
    return choices[key] as T;
  };
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      'start local stand-ins of Audiobookshelf, Hardcover, Discogs and SoundCloud with generated data',
    )
    .option('--seed <n>', 'seed for the generated data (same seed, same data)', integerOption('--seed', 0), 1)
    .option('--books <n>', 'number of books to generate', integerOption('--books', 1, 100_000), 200)
    .option(
      '--records <n>',
      'number of collection items to generate',
      integerOption('--records', 1, 100_000),
      500,
    )
    .option(
      '--rate-scale <x>',
      'multiply every rate-limit refill (1 = real limits)',
      positiveNumberOption('--rate-scale'),
      1,
    )
    .option('--faults <spec>', 'inject faults, e.g. "hardcover:429=2@0.1,discogs:503#3,*:reset%50"')
    .option(
      '--token-ttl <seconds>',
      'SoundCloud access token lifetime',
      integerOption('--token-ttl', 1),
      3600,
    )
    .option(
      '--hardcover-daily <units>',
      'Hardcover units per token per UTC day, exactly (default 5000 times --rate-scale)',
      integerOption('--hardcover-daily', 0),
    )
    .option(
      '--hardcover-status-opens-read <yes|no>',
      'whether setting Currently Reading on Hardcover opens a read dated today',
      choiceOption('--hardcover-status-opens-read', { yes: true, no: false }),
      true,
    )
    .option(
      '--hardcover-read-update <replace|merge>',
      'update_user_book_read nulls the fields left out (replace) or changes only those given (merge)',
      choiceOption('--hardcover-read-update', { replace: 'replace', merge: 'merge' } as const),
      'replace',
    )
    .option('--json', 'print one JSON line describing the stand-ins')
    .action(async (flags: SandboxFlags) => {
      try {
        if (flags.faults) parseFaultSpec(flags.faults);
      } catch (error) {
        if (error instanceof FaultSpecError) throw usageError(error.message);
        throw error;
      }
      // Loaded on demand: the stand-ins and generators are only needed by this command.
      const { startSandbox } = await import('../../../sandbox/sandbox.ts');
      const sandbox = await startSandbox({
        seed: flags.seed,
        books: flags.books,
        records: flags.records,
        rateScale: flags.rateScale,
        faults: flags.faults ?? '',
        soundcloudTokenTtlSeconds: flags.tokenTtl,
        hardcoverDailyQuota: flags.hardcoverDaily,
        hardcoverStatusOpensRead: flags.hardcoverStatusOpensRead,
        hardcoverReadUpdate: flags.hardcoverReadUpdate,
      });
      const { info } = sandbox;
      if (flags.json) {
        printJson(info);
      } else {
        printLine('shelfsync sandbox is running on 127.0.0.1:');
        printLine(`  audiobookshelf  ${info.audiobookshelf.url}`);
        printLine(`  hardcover       ${info.hardcover.url}`);
        printLine(`  discogs         ${info.discogs.url}`);
        printLine(`  soundcloud      ${info.soundcloud.url}`);
        printLine(`config: ${info.config}`);
        printLine(`try:    shelfsync config check --config ${info.config}`);
        printLine('Press Ctrl-C to stop; the temporary directory is removed on exit.');
      }
      await waitForStopSignal();
      await sandbox.stop();
    });
}
