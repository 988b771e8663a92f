import type { Sandbox } from '../../../sandbox/sandbox.ts';
import type { Clock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/log.ts';
import type { PlaylistRequest } from '../../../src/sync/playlists/build.ts';
import { type PlaylistRun, withPlaylistBuilder } from '../../../src/sync/playlists/run.ts';
import type { SignedInWorkspace } from './session-harness.ts';

/** Builds playlists in-process, as `playlist create/update` does, on a signed-in workspace. */
export async function buildInProcess(
  workspace: SignedInWorkspace,
  clock: Clock,
  requests: PlaylistRequest[],
  dryRun = false,
): Promise<PlaylistRun[]> {
  const logger = createLogger({ file: `${workspace.dir}/shelfsync.log`, level: 'info' });
  return withPlaylistBuilder(
    { config: workspace.config, database: workspace.database, logger, clock, dryRun },
    async (build) => {
      const runs: PlaylistRun[] = [];
      for (const request of requests) runs.push(await build(request));
      return runs;
    },
  );
}

/** Truth labels as the sandbox serves them. */
export async function truthOf(sandbox: Sandbox): Promise<Record<string, string | null>> {
  return (await (await fetch(`${sandbox.info.soundcloud.url}/__sandbox/truth`)).json()) as Record<
    string,
    string | null
  >;
}

/** A clock that moves forward a little every time it is read: token lifetimes pass during a build, deterministically. */
export class TickingClock implements Clock {
  private current: number;
  private readonly step: number;

  constructor(start: number, stepMs: number) {
    this.current = start;
    this.step = stepMs;
  }

  now(): number {
    this.current += this.step;
    return this.current;
  }
}
