import { stringify } from 'yaml';
import type { BookWorld } from './books/world.ts';
import type { RecordWorld } from './records/world.ts';

export interface SandboxEndpoints {
  audiobookshelf: string;
  hardcover: string;
  discogs: string;
  soundcloud: string;
}

/** A ready shelfsync config pointing every service at its stand-in. */
export function sandboxConfigYaml(options: {
  dir: string;
  endpoints: SandboxEndpoints;
  books: BookWorld;
  records: RecordWorld;
  absTokens: Record<string, string>;
}): string {
  const { dir, endpoints, books, records, absTokens } = options;
  const hardcoverToken = (userId: number) =>
    books.hardcover.users.find((user) => user.id === userId)?.token ?? '';
  const config = {
    database: { path: `${dir}/shelfsync.db` },
    log: { file: `${dir}/shelfsync.log`, level: 'info' },
    books: {
      min_progress: 5,
      hardcover: { url: endpoints.hardcover },
      users: books.people.map((person) => ({
        id: person.id,
        audiobookshelf: { url: endpoints.audiobookshelf, token: absTokens[person.absUserId] ?? '' },
        hardcover: { token: hardcoverToken(person.hardcoverUserId) },
      })),
    },
    records: {
      discogs: {
        username: records.discogs.user.username,
        token: records.discogs.user.token,
        url: endpoints.discogs,
      },
      wantlist: true,
    },
    playlists: {
      soundcloud: {
        client_id: records.soundcloud.app.clientId,
        client_secret: records.soundcloud.app.clientSecret,
        url: endpoints.soundcloud,
        auth_url: endpoints.soundcloud,
      },
      definitions: [
        { name: 'Jazz 60s', query: 'genre = Jazz and year in 1960..1969', private: true },
        { name: 'Electronic', query: 'genre = Electronic order by year', private: false },
      ],
    },
  };
  return `# Written by \`shelfsync sandbox\`: every service points at a local stand-in.\n${stringify(config)}`;
}
