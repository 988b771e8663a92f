import type { Sandbox } from '../../sandbox/sandbox.ts';

interface ProgressRow {
  libraryItemId: string;
  episodeId?: string | null;
  progress?: number | null;
  currentTime?: number | null;
  duration?: number | null;
  isFinished: boolean;
}

/**
 * Moves `share` of every person's unfinished listening forward by five points, through the
 * Audiobookshelf API as each person would. Returns how many rows changed.
 */
export async function advanceProgress(sandbox: Sandbox, share: number): Promise<number> {
  let changed = 0;
  const url = sandbox.info.audiobookshelf.url;
  for (const user of sandbox.info.audiobookshelf.users) {
    const headers = { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' };
    const me = (await (await fetch(`${url}/api/me`, { headers })).json()) as { mediaProgress: ProgressRow[] };
    const open = me.mediaProgress.filter(
      (row) => !row.isFinished && !row.episodeId && (row.progress ?? 0) > 0.1 && (row.progress ?? 0) < 0.85,
    );
    const count = Math.max(1, Math.round(me.mediaProgress.length * share));
    for (const row of open.slice(0, count)) {
      const progress = (row.progress ?? 0) + 0.05;
      const body = { progress, currentTime: (row.duration ?? 36_000) * progress };
      const response = await fetch(`${url}/api/me/progress/${row.libraryItemId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(body),
      });
      if (response.ok) changed += 1;
    }
  }
  return changed;
}
