import pc from 'picocolors';
import type { StoredPlaylist } from '../../sync/playlists/playlist-store.ts';
import type { PlaylistRun } from '../../sync/playlists/run.ts';
import { printLine } from '../output.ts';

/** The report after a build: what matched, what waits for review, what is missing, and the cost. */
export function printBuildReport(name: string, run: PlaylistRun, dryRun: boolean): void {
  const { report } = run;
  const parts = typeof report.parts === 'number' ? report.parts : 1;
  printLine(
    `${pc.bold(name)}: ${report.matched} matched, ${report.uncertain} uncertain (see \`playlist review\`), ${report.missing} missing`,
  );
  const lacking =
    typeof report.releases_without_tracklist === 'number' ? report.releases_without_tracklist : 0;
  if (lacking > 0)
    printLine(
      pc.yellow(
        `${lacking} releases have no tracklist yet, so their tracks are not in this build (\`shelfsync records enrich\` fetches them).`,
      ),
    );
  if (run.leftOut > 0) printLine(`${run.leftOut} matched tracks were left out (--cap or --limit).`);
  if (parts > 1) printLine(`Split into ${parts} playlists of at most 500 tracks.`);
  if (run.missingFile) printLine(`Unmatched tracks are listed in ${run.missingFile}`);
  if (run.failed > 0)
    printLine(pc.yellow(`${run.failed} tracks could not be searched this time; run it again.`));
  printLine(
    `${run.requests} SoundCloud requests (${run.searches} searches, ${run.writes} playlist writes${run.refreshes > 0 ? `, ${run.refreshes} token refreshes` : ''}) in ${(run.durationMs / 1000).toFixed(1)} s${dryRun ? ' (dry run: nothing written)' : ''}`,
  );
}

export function printPlaylistList(playlists: readonly StoredPlaylist[]): void {
  if (playlists.length === 0) {
    printLine('No playlists yet. Create one with `shelfsync playlist create NAME --query "..."`.');
    return;
  }
  for (const playlist of playlists) {
    const { report } = playlist;
    printLine(
      `${pc.bold(playlist.name)}  ${playlist.private ? 'private' : 'public'}  ${report.matched} matched, ${report.uncertain} uncertain, ${report.missing} missing  ${playlist.parts.map((part) => part.urn).join(', ') || '(not on SoundCloud yet)'}`,
    );
    printLine(`  query: ${playlist.query}  updated ${new Date(playlist.updatedAt).toISOString()}`);
  }
}

export function printUnmatched(playlist: StoredPlaylist): void {
  const rows = playlist.report.tracks.filter((track) => track.status !== 'matched');
  if (rows.length === 0) {
    printLine(`Every track of ${playlist.name} is matched.`);
    return;
  }
  for (const track of rows) {
    const candidate = track.status === 'uncertain' ? `  candidate ${track.match}` : '';
    printLine(
      `${track.release_id}:${track.position || '-'}  ${track.status.padEnd(9)}  ${track.title}${candidate}`,
    );
  }
}
