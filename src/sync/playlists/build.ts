import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { ExitCode, exitCodeFor, findShelfsyncError, ShelfsyncError, usageError } from '../../core/errors.ts';
import type { Logger } from '../../core/log.ts';
import { createRateLimiter } from '../../core/ratelimit/index.ts';
import type { PhaseProgress } from '../bridge.ts';
import type { PlaylistReport } from '../report.ts';
import { loadWantedReleases, releasesWithoutTracklist, type WantedRelease } from './collect.ts';
import { AlbumSearchBudget, matchRelease, trackKey } from './match-release.ts';
import { loadKnownMatches, saveMatches } from './match-store.ts';
import type { MatchDecision } from './matching/score.ts';
import { type Overflow, partTitle, planParts } from './plan-parts.ts';
import { loadPlaylist, type StoredPart, type StoredPlaylist, savePlaylist } from './playlist-store.ts';
import type { SearchPort } from './search-port.ts';

export interface PlaylistRequest {
  name: string;
  /** Create refuses an existing name, update a missing one; sync (the bridge) does either. */
  mode: 'create' | 'update' | 'sync';
  /** Required for create and sync; update uses the stored one unless given. */
  query?: string | undefined;
  private?: boolean | undefined;
  overflow?: Overflow | undefined;
  limit?: number | undefined;
}

export interface PlaylistWriter {
  /** The user's own playlist with this title, if SoundCloud has one (a create whose answer was lost). */
  findOwn(title: string): Promise<string | undefined>;
  create(fields: {
    title: string;
    sharing: 'public' | 'private';
    trackUrns: readonly string[];
  }): Promise<string>;
  update(
    urn: string,
    fields: { title: string; sharing: 'public' | 'private'; trackUrns: readonly string[] },
  ): Promise<void>;
  /** Deletes a part shelfsync made that the playlist no longer needs (it shrank). */
  remove(urn: string): Promise<void>;
}

export interface BuildDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  dryRun: boolean;
  notFoundTtlMs: number;
  selectReleaseIds(query: string): Promise<number[]>;
  /** Fetches and stores the tracklists of these releases (the records bridge's enrich). */
  ensureTracklists(releaseIds: readonly number[]): Promise<void>;
  search: SearchPort;
  writer: PlaylistWriter;
  progress?: (total: number) => PhaseProgress;
  /** Aborted on SIGINT/SIGTERM: releases not yet started are left for the next build. */
  signal?: AbortSignal;
}

export interface BuildResult {
  report: PlaylistReport;
  searches: number;
  writes: number;
  /** Tracks whose search failed (429s or errors after retries): nothing was recorded for them. */
  failed: number;
  leftOut: number;
  missingFile: string | undefined;
  durationMs: number;
}

function resolveRequest(request: PlaylistRequest, stored: StoredPlaylist | undefined) {
  if (request.mode === 'create' && stored)
    throw usageError(`a playlist named "${request.name}" exists already; use \`shelfsync playlist update\``);
  if (request.mode === 'update' && !stored)
    throw usageError(
      `there is no playlist named "${request.name}"; create it with \`shelfsync playlist create\``,
    );
  const query = request.query ?? stored?.query;
  if (!query) throw usageError(`playlist "${request.name}" needs a --query`);
  return {
    query,
    private: request.private ?? stored?.private ?? false,
    overflow: request.overflow ?? stored?.overflow ?? 'split',
    limit: request.limit ?? stored?.limit ?? undefined,
  };
}

/** Releases matched at once; the HTTP client's limiter bounds the requests themselves. */
const MATCH_WORKERS = 4;

/** Runs `work` over `items`, `count` at a time (a Bottleneck limiter from core), in order. */
async function eachWithWorkers<T>(items: readonly T[], count: number, work: (item: T) => Promise<void>) {
  const limiter = createRateLimiter('soundcloud', { maxConcurrent: count });
  try {
    await Promise.all(items.map((item) => limiter.schedule(() => work(item))));
  } finally {
    await limiter.stop();
  }
}

/**
 * Failures that say SoundCloud itself is unusable (down, refusing us, throttling past our retries),
 * not that one search went wrong: the build stops instead of retrying every remaining release.
 */
export function serviceUnusable(error: unknown): boolean {
  const known = findShelfsyncError(error);
  if (!known) return false;
  if (known.code === 'bad_response') return known.retryable;
  return exitCodeFor(known) === ExitCode.upstream;
}

interface MatchOutcome {
  results: Map<string, MatchDecision>;
  failed: Set<string>;
  /** The first search failure, for the report's line. */
  firstError: unknown;
}

async function matchAll(
  deps: BuildDeps,
  releases: readonly WantedRelease[],
  known: Map<string, MatchDecision>,
): Promise<MatchOutcome> {
  const results = new Map(known);
  const failed = new Set<string>();
  let firstError: unknown;
  let unusable: unknown;
  const todo = releases
    .map((release) => ({ release, tracks: release.tracks.filter((track) => !known.has(trackKey(track))) }))
    .filter((item) => item.tracks.length > 0);
  const progress = deps.progress?.(todo.reduce((sum, item) => sum + item.tracks.length, 0));
  const albums = new AlbumSearchBudget();
  await eachWithWorkers(todo, MATCH_WORKERS, async ({ release, tracks }) => {
    if (deps.signal?.aborted || unusable !== undefined) {
      for (const track of tracks) failed.add(trackKey(track));
      progress?.tick(tracks.length);
      return;
    }
    try {
      const found = await matchRelease(release, tracks, deps.search, albums);
      for (const [key, decision] of found) results.set(key, decision);
      if (!deps.dryRun) await saveMatches(deps.database, found, deps.clock.now(), deps.notFoundTtlMs);
    } catch (error) {
      // Nothing is recorded for this release: the next build searches it again.
      const known = findShelfsyncError(error);
      if (known?.code === 'auth_failed' || known?.code === 'interrupted') throw error;
      deps.logger.warn(
        { releaseId: release.id, err: error },
        'search failed; tracks left for the next build',
      );
      firstError ??= error;
      if (serviceUnusable(error)) unusable ??= error;
      for (const track of tracks) failed.add(trackKey(track));
    } finally {
      progress?.tick(tracks.length);
    }
  });
  progress?.done();
  // Matches found before the outage are saved; nothing is written to SoundCloud this time.
  if (unusable !== undefined) throw unusable;
  return { results, failed, firstError };
}

/** The report's line for tracks left unsearched: why, in the words of the first failure. */
function unsearchedLine(count: number, firstError: unknown): string {
  const reason =
    firstError === undefined
      ? undefined
      : (findShelfsyncError(firstError)?.message ??
        (firstError instanceof Error ? firstError.message : String(firstError)));
  return reason === undefined
    ? `${count} tracks were not searched this time (the run was stopped); the next build searches them`
    : `${count} tracks were not searched this time, the next build searches them again: ${reason}`;
}

/** Query → tracklists → matching → SoundCloud playlist(s); see PRODUCT.md "playlists". */
export async function buildPlaylist(request: PlaylistRequest, deps: BuildDeps): Promise<BuildResult> {
  const started = deps.clock.now();
  const db = deps.database.db;
  const stored = await loadPlaylist(db, request.name);
  const settings = resolveRequest(request, stored);

  const releaseIds = [...new Set(await deps.selectReleaseIds(settings.query))];
  const lacking = await releasesWithoutTracklist(db, releaseIds);
  if (lacking.length > 0 && !deps.dryRun) await deps.ensureTracklists(lacking);
  const stillLacking = await releasesWithoutTracklist(db, releaseIds);
  const releases = await loadWantedReleases(db, releaseIds);
  const known = await loadKnownMatches(db, releaseIds, deps.clock.now());
  const searchesBefore = deps.search.count;
  const { results, failed, firstError } = await matchAll(deps, releases, known);

  const tracks: PlaylistReport['tracks'] = [];
  const entries: { urn: string; score: number }[] = [];
  for (const release of releases) {
    for (const track of release.tracks) {
      const key = trackKey(track);
      if (failed.has(key)) continue;
      const result = results.get(key);
      if (!result) continue;
      tracks.push({
        release_id: track.releaseId,
        position: track.position,
        title: track.title,
        status: result.status,
        match: result.status === 'missing' ? null : result.urn,
      });
      if (result.status === 'matched' && result.urn) entries.push({ urn: result.urn, score: result.score });
    }
  }
  const plan = planParts(entries, { overflow: settings.overflow, limit: settings.limit });
  const count = (status: string) => tracks.filter((track) => track.status === status).length;
  const report: PlaylistReport = {
    matched: count('matched'),
    uncertain: count('uncertain'),
    missing: count('missing'),
    tracks,
    releases: releases.length,
    // Their tracks cannot be listed until records enrich has fetched them (a dry run fetches nothing).
    releases_without_tracklist: stillLacking.length,
    parts: plan.parts.length,
    left_out: plan.leftOut.length,
    ...(failed.size > 0 ? { error: unsearchedLine(failed.size, firstError) } : {}),
  };

  let writes = 0;
  let missingFile: string | undefined;
  if (!deps.dryRun) {
    const now = deps.clock.now();
    const playlist: StoredPlaylist = {
      name: request.name,
      query: settings.query,
      private: settings.private,
      overflow: settings.overflow,
      limit: settings.limit ?? null,
      parts: stored?.parts ?? [],
      report,
      createdAt: stored?.createdAt ?? now,
      updatedAt: now,
    };
    writes = await writeParts(deps, playlist, plan.parts, stored);
    missingFile = await writeMissingFile(deps.database.path, request.name, report);
    if (missingFile) report.missing_file = missingFile;
    await savePlaylist(db, { ...playlist, report, updatedAt: deps.clock.now() });
  }
  report.searches = deps.search.count - searchesBefore;
  report.writes = writes;
  return {
    report,
    searches: deps.search.count - searchesBefore,
    writes,
    failed: failed.size,
    leftOut: plan.leftOut.length,
    missingFile,
    durationMs: deps.clock.now() - started,
  };
}

function samePart(part: StoredPart | undefined, title: string, tracks: readonly string[], titleNow: string) {
  return (
    part !== undefined &&
    title === titleNow &&
    part.tracks.length === tracks.length &&
    part.tracks.every((urn, i) => urn === tracks[i])
  );
}

/**
 * One create per new part, one PUT per changed part, nothing for parts that are as they were, and
 * one DELETE per part left over when the playlist shrank.
 */
async function writeParts(
  deps: BuildDeps,
  playlist: StoredPlaylist,
  parts: readonly string[][],
  stored: StoredPlaylist | undefined,
): Promise<number> {
  let writes = 0;
  const sharing = playlist.private ? 'private' : 'public';
  const sharingSame = stored !== undefined && stored.private === playlist.private;
  const storedCount = stored?.parts.length ?? 0;
  const next: StoredPart[] = [...playlist.parts];
  for (let i = 0; i < parts.length; i++) {
    const trackUrns = parts[i] ?? [];
    const title = partTitle(playlist.name, i, parts.length);
    const existing = stored?.parts[i];
    const before = existing ? partTitle(playlist.name, i, storedCount) : '';
    if (existing && sharingSame && samePart(existing, title, trackUrns, before)) continue;
    if (existing) {
      await deps.writer.update(existing.urn, { title, sharing, trackUrns });
      next[i] = { urn: existing.urn, tracks: [...trackUrns] };
    } else {
      // A build that crashed after its create but before remembering it left the playlist there.
      const orphan = await deps.writer.findOwn(title);
      if (orphan) await deps.writer.update(orphan, { title, sharing, trackUrns });
      const urn = orphan ?? (await deps.writer.create({ title, sharing, trackUrns }));
      next[i] = { urn, tracks: [...trackUrns] };
    }
    writes += 1;
    // Remembered at once: a crash after this point updates the playlist instead of making another.
    playlist.parts = next.filter(Boolean);
    await savePlaylist(deps.database.db, playlist);
  }
  // Last part first, each forgotten as soon as it is gone: a crash in between deletes the rest next time.
  for (let i = storedCount - 1; i >= parts.length; i--) {
    const leftover = stored?.parts[i];
    if (leftover) {
      await deps.writer.remove(leftover.urn);
      writes += 1;
    }
    next.length = i;
    playlist.parts = next.filter(Boolean);
    await savePlaylist(deps.database.db, playlist);
  }
  playlist.parts = next.filter(Boolean);
  return writes;
}

/** Missing and uncertain tracks as a tab-separated file next to the database, for the user to check. */
async function writeMissingFile(databasePath: string, name: string, report: PlaylistReport) {
  if (databasePath === ':memory:') return undefined;
  const rows = report.tracks.filter((track) => track.status !== 'matched');
  const slug =
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'playlist';
  const file = join(dirname(databasePath), 'playlists', `${slug}-unmatched.tsv`);
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const lines = [
    'release_id\tposition\ttitle\tstatus\tcandidate',
    ...rows.map(
      (t) => `${t.release_id}\t${clean(t.position)}\t${clean(t.title)}\t${t.status}\t${t.match ?? ''}`,
    ),
  ];
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  } catch (error) {
    throw new ShelfsyncError(`cannot write the list of unmatched tracks to ${file}`, {
      code: 'database',
      service: 'shelfsync',
      cause: error,
    });
  }
  return file;
}
