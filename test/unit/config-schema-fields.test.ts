import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildConfigSchema } from '../../src/core/config/schema.ts';
import { arrayElement, descriptionOf, objectShape } from '../../src/core/config/schema-walk.ts';

const schema = buildConfigSchema({
  baseDir: '/etc/shelfsync',
  home: '/home/me',
  dataHome: '/home/me/.local/share',
  stateHome: '/home/me/.local/state',
  systemTimeZone: 'Europe/Berlin',
});

const user = {
  id: 'me',
  audiobookshelf: { url: 'http://abs.lan:13378', token: 'abs-token' },
  hardcover: { token: 'hc-token' },
};
const minimal = {
  books: { users: [user] },
  records: { discogs: { username: 'me', token: 'd-token' } },
  playlists: { soundcloud: { client_id: 'id', client_secret: 'secret' } },
};

/** Every field's path with what it says it expects; shown in "required: ..." and `config check`. */
function descriptions(current: z.ZodType, path: string): string[] {
  const shape = objectShape(current);
  if (shape)
    return Object.entries(shape).flatMap(([key, child]) =>
      descriptions(child, path ? `${path}.${key}` : key),
    );
  const element = arrayElement(current);
  if (element && objectShape(element)) return descriptions(element, `${path}[]`);
  const description = descriptionOf(current) ?? descriptionOf(element ?? current);
  return description ? [`${path}: ${description}`] : [];
}

describe('the config schema', () => {
  // The descriptions are the words users read in "required: ..." problems; this pins them so that a
  // change to one is made on purpose.
  it('describes its fields', () => {
    expect(descriptions(schema, '')).toMatchSnapshot();
  });

  it('fills the defaults of every section', () => {
    const parsed = schema.parse(minimal);
    expect(parsed).toMatchSnapshot();
  });

  it.each([
    ['daemon.port', { daemon: { port: 65535 } }, { daemon: { port: 65536 } }],
    ['daemon.port', { daemon: { port: 0 } }, { daemon: { port: -1 } }],
    [
      'daemon.shutdown_timeout_seconds',
      { daemon: { shutdown_timeout_seconds: 3600 } },
      { daemon: { shutdown_timeout_seconds: 3601 } },
    ],
    [
      'books.miss_ttl_days',
      { books: { users: [user], miss_ttl_days: 365 } },
      { books: { users: [user], miss_ttl_days: 366 } },
    ],
    [
      'books.miss_ttl_days',
      { books: { users: [user], miss_ttl_days: 0 } },
      { books: { users: [user], miss_ttl_days: -1 } },
    ],
    [
      'books.hardcover.per_minute',
      { books: { users: [user], hardcover: { per_minute: 100_000 } } },
      { books: { users: [user], hardcover: { per_minute: 100_001 } } },
    ],
    [
      'books.hardcover.per_minute',
      { books: { users: [user], hardcover: { per_minute: 1 } } },
      { books: { users: [user], hardcover: { per_minute: 0 } } },
    ],
    [
      'books.hardcover.burst',
      { books: { users: [user], hardcover: { burst: 1000 } } },
      { books: { users: [user], hardcover: { burst: 1001 } } },
    ],
    [
      'books.hardcover.burst',
      { books: { users: [user], hardcover: { burst: 1 } } },
      { books: { users: [user], hardcover: { burst: 0 } } },
    ],
    [
      'books.users[0].libraries.include',
      { books: { users: [{ ...user, libraries: { include: ['Audiobooks'] } }] } },
      { books: { users: [{ ...user, libraries: { include: [] } }] } },
    ],
    [
      'playlists.not_found_ttl_days',
      { playlists: { ...minimal.playlists, not_found_ttl_days: 365 } },
      { playlists: { ...minimal.playlists, not_found_ttl_days: 366 } },
    ],
    [
      'playlists.not_found_ttl_days',
      { playlists: { ...minimal.playlists, not_found_ttl_days: 0 } },
      { playlists: { ...minimal.playlists, not_found_ttl_days: -1 } },
    ],
    [
      'books.on_drop',
      { books: { users: [user], on_drop: 'write' } },
      { books: { users: [user], on_drop: 'ask' } },
    ],
  ])('%s: takes the last value inside its range and refuses the first outside', (_path, inside, outside) => {
    expect(schema.safeParse({ ...minimal, ...inside }).success).toBe(true);
    expect(schema.safeParse({ ...minimal, ...outside }).success).toBe(false);
  });

  it('tells apart playlists that share a name, and ignores entries without one', () => {
    const definition = { name: 'Jazz', query: 'genre = Jazz' };
    const parsed = schema.safeParse({
      ...minimal,
      playlists: { ...minimal.playlists, definitions: [definition, 'not a mapping', definition] },
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([
      'playlists.definitions.2.name',
      'duplicate playlist name "Jazz" (also entry 0); each must be different',
    ]);
  });
});
