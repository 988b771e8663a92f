import type { Command } from 'commander';
import type { BooksConfig, BookUserConfig } from '../../core/config/index.ts';
import { ShelfsyncError, usageError } from '../../core/errors.ts';
import { forgetMatch, listUnmatched, pinMatch } from '../../sync/books/pins.ts';
import { printJson, printLine } from '../output.ts';
import { type Runtime, withRuntime } from '../runtime.ts';

interface JsonFlag {
  json?: boolean;
}

function booksConfig(runtime: Runtime): BooksConfig {
  const books = runtime.config.books;
  if (!books) {
    throw new ShelfsyncError('The config has no books section; add one (see shelfsync init) first.', {
      code: 'config_invalid',
      service: 'shelfsync',
    });
  }
  return books;
}

function pickUser(books: BooksConfig, id: string | undefined): BookUserConfig {
  const user = id ? books.users.find((u) => u.id === id) : books.users[0];
  if (!user) throw usageError(`there is no books user "${id}" in the config`);
  return user;
}

/** `book:123`, `edition:456`, or a bare number (a book). */
export function parseHardcoverTarget(text: string): { kind: 'book' | 'edition'; id: number } {
  const match = /^(?:(book|edition):)?(\d+)$/.exec(text.trim());
  if (!match) throw usageError(`"${text}" is not a Hardcover id: give 123, book:123 or edition:456`);
  return { kind: (match[1] as 'book' | 'edition' | undefined) ?? 'book', id: Number(match[2]) };
}

export function registerBooksCommand(program: Command): void {
  const books = program
    .command('books')
    .description('fix the matches between Audiobookshelf items and Hardcover books');

  books
    .command('match')
    .description('pin an Audiobookshelf item to a Hardcover book or edition; the next sync uses it')
    .argument('<abs-item-id>', 'the Audiobookshelf library item id')
    .argument('<hardcover-id>', 'a Hardcover book id (123 or book:123) or edition id (edition:456)')
    .option('--user <id>', 'whose Hardcover token checks the id (the first books user by default)')
    .option('--json', 'print one JSON object')
    .action(async (itemId: string, target: string, flags: JsonFlag & { user?: string }, command: Command) => {
      const wanted = parseHardcoverTarget(target);
      await withRuntime(command, async (runtime) => {
        const config = booksConfig(runtime);
        const pinned = await pinMatch(
          await runtime.database(),
          config,
          pickUser(config, flags.user),
          itemId,
          wanted,
        );
        if (flags.json) printJson(pinned);
        else
          printLine(
            `Pinned ${itemId} to "${pinned.title}" (Hardcover book ${pinned.bookId}${
              pinned.editionId ? `, edition ${pinned.editionId}` : ''
            }); the next sync uses it.`,
          );
      });
    });

  books
    .command('forget')
    .description(
      'drop what shelfsync remembers about an item (match, miss, outcomes); the next sync matches it again',
    )
    .argument('<abs-item-id>', 'the Audiobookshelf library item id')
    .option('--json', 'print one JSON object')
    .action(async (itemId: string, flags: JsonFlag, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const forgotten = await forgetMatch(await runtime.database(), itemId);
        if (flags.json) printJson({ item: itemId, forgotten });
        else
          printLine(
            forgotten
              ? `Forgot ${itemId}; the next sync matches it again.`
              : `Nothing was remembered about ${itemId}.`,
          );
      });
    });

  books
    .command('unmatched')
    .description('list the items no Hardcover book was found for, with the reason')
    .option('--json', 'print one JSON array')
    .action(async (flags: JsonFlag, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const rows = await listUnmatched(await runtime.database());
        if (flags.json) {
          printJson(rows);
          return;
        }
        if (rows.length === 0) {
          printLine('Every item with progress is matched (or has not been synced yet).');
          return;
        }
        for (const row of rows)
          printLine(`${row.item}  ${row.title} (${row.users.join(', ')}): ${row.reason}`);
        printLine();
        printLine('Fix one with: shelfsync books match <abs-item-id> <hardcover-book-id>');
      });
    });
}
