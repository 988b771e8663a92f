import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ShelfsyncError, usageError } from '../errors.ts';
import { fileErrorReason } from './secret-files.ts';

/**
 * The commented config that `shelfsync init` writes. Its `<...>` placeholders fail `config check`
 * with a message naming each one, so nothing runs until the user has filled them in.
 */
export function starterConfig(): string {
  return `# shelfsync configuration, written by \`shelfsync init\`.
#
# 1. Replace every <...> placeholder below with your own value.
# 2. Delete the sections you do not use: books, records, playlists.
# 3. Run \`shelfsync config check\`: it lists every remaining problem with its place in this file.
#
# Paths may start with ~ (your home folder); other relative paths start at this file's folder.
# A secret (token, client_secret) can be read from a file instead: write \`token_file: /path/to/file\`
# in place of \`token: ...\`. Keep this file and such files readable only by you (chmod 600).
# Settings can also come from the environment, which wins over this file: SHELFSYNC_ plus the path
# in capitals, e.g. SHELFSYNC_DATABASE_PATH, SHELFSYNC_BOOKS_MIN_PROGRESS, SHELFSYNC_RECORDS_DISCOGS_TOKEN
# or SHELFSYNC_RECORDS_DISCOGS_TOKEN_FILE. Entries of lists (books.users, playlists.definitions) cannot.
# Lines starting with # are comments; a commented-out setting uses the default shown.

# The local SQLite database: sync state, your record collection, run reports.
database:
  # path: ~/.local/share/shelfsync/shelfsync.db    # default: $XDG_DATA_HOME/shelfsync/shelfsync.db

# Time zone for dates written to Hardcover and for the schedule below (default: this computer's zone).
# timezone: Europe/Berlin

# When \`shelfsync start\` (the background service) syncs, as a cron expression:
# minute hour day-of-month month day-of-week. The default is every six hours.
# schedule: "0 */6 * * *"

# The background service's health check (/healthz) and Prometheus metrics (/metrics).
daemon:
  # host: 127.0.0.1                  # listen only on this machine; 0.0.0.0 to let others scrape
  # port: 8977
  # shutdown_timeout_seconds: 30     # how long SIGTERM may take; the run in flight finishes its writes

log:
  # file: ~/.local/state/shelfsync/shelfsync.log    # default: $XDG_STATE_HOME/shelfsync/shelfsync.log
  # level: info                                      # trace, debug, info, warn, error, fatal or silent

# Audiobook and ebook progress from Audiobookshelf to Hardcover.
books:
  min_progress: 5              # sync a book once it has at least this much progress (percent, 0 to 100)
  auto_add: false              # true: also add books that are not on your Hardcover shelf yet
  # auto_add_min_progress: 10  # ... but only from this much progress (default: min_progress)
  # How to find a book on Hardcover, in order: asin, isbn, title_author (title and author search).
  match_order: [asin, isbn, title_author]
  # title_match_threshold: 80  # how close (0 to 100) a title/author search hit must be to count
  # miss_ttl_days: 7           # books not found on Hardcover are looked up again after this many days
  # max_drop: 25               # a fall in progress larger than this (percent) is held back for review
  # on_drop: review            # review, or write: write such falls anyway
  # update_paused: false       # true: progress on a book Paused in Hardcover resumes it
  # update_did_not_finish: false  # true: the same for Did Not Finish
  # hardcover:
  #   url: https://api.hardcover.app/v1/graphql   # shared by all users unless a user sets their own
  #   per_minute: 60           # your plan's request refill per minute
  #   burst: 10                # your plan's burst
  users:
    # One entry per person; copy the block for more. Each id must be different.
    - id: <your name>          # short, used on the command line: shelfsync sync --user NAME
      audiobookshelf:
        url: <Audiobookshelf server URL>       # e.g. http://abs.lan:13378
        token: <Audiobookshelf API token>      # Audiobookshelf: Settings > Users > you > API token
      hardcover:
        token: <Hardcover API token>           # hardcover.app: Settings > API (without "Bearer")
      # libraries:
      #   include: [Audiobooks]   # only these Audiobookshelf libraries (default: all of them)
      #   exclude: [Podcasts]     # never these

# Your Discogs collection (and wantlist), copied into the local database.
records:
  discogs:
    username: <Discogs username>
    token: <Discogs personal access token>     # discogs.com: Settings > Developers > Generate new token
  wantlist: true               # also copy your wantlist

# SoundCloud playlists built from queries over your record collection.
playlists:
  soundcloud:
    # Register an app at soundcloud.com/you/apps, then run \`shelfsync soundcloud login\` once.
    client_id: <SoundCloud client id>
    client_secret: <SoundCloud client secret>
    # redirect_port: 8976      # local port your browser returns to after signing in
  definitions:
    # One entry per playlist; \`shelfsync records query\` shows what a query selects.
    - name: Jazz 60s
      query: genre = Jazz and year in 1960..1969
      private: true            # default: false (public)
      auto_update: true        # \`shelfsync sync\` adds newly matching tracks (default: true)
`;
}

/**
 * Writes the starter config readable only by its owner, creating its folder. Refuses to replace an
 * existing file unless `force` is set.
 */
export async function writeStarterConfig(path: string, options: { force: boolean }): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // 'wx' refuses to replace a file; without a flag writeFile replaces it.
    await writeFile(path, starterConfig(), { mode: 0o600, flag: options.force ? undefined : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw usageError(
        `${path} already exists; not replacing it (use --force to overwrite, or --path to write elsewhere)`,
      );
    }
    throw new ShelfsyncError(`cannot write ${path} (${fileErrorReason(error)})`, {
      code: 'config_invalid',
      service: 'shelfsync',
      cause: error,
    });
  }
  // An overwritten file keeps its old mode otherwise; the umask may also have narrowed it.
  await chmod(path, 0o600);
}
