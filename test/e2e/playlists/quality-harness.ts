import type { PlaylistReport } from '../../../src/sync/report.ts';

export interface Quality {
  precision: number;
  recall: number;
  accepted: number;
  correct: number;
  /** Tracks that have a true upload. */
  findable: number;
  wrong: { key: string; got: string | null; truth: string | null; title: string }[];
  /** Findable tracks reported missing or uncertain. */
  lost: { key: string; status: string; title: string }[];
}

/** Scores a build against the stand-in's truth labels (`GET /__sandbox/truth`). */
export async function scoreAgainstTruth(soundcloudUrl: string, report: PlaylistReport): Promise<Quality> {
  const truth = (await (await fetch(`${soundcloudUrl}/__sandbox/truth`)).json()) as Record<
    string,
    string | null
  >;
  let accepted = 0;
  let correct = 0;
  let findable = 0;
  const wrong: Quality['wrong'] = [];
  const lost: Quality['lost'] = [];
  for (const track of report.tracks) {
    const key = `${track.release_id}:${track.position}`;
    const expected = truth[key];
    if (expected === undefined) throw new Error(`${key} is not a generated collection track`);
    if (expected) findable += 1;
    if (track.status === 'matched') {
      accepted += 1;
      if (track.match === expected) correct += 1;
      else wrong.push({ key, got: track.match, truth: expected, title: track.title });
    } else if (expected) lost.push({ key, status: track.status, title: track.title });
  }
  return {
    precision: accepted === 0 ? 1 : correct / accepted,
    recall: findable === 0 ? 1 : correct / findable,
    accepted,
    correct,
    findable,
    wrong,
    lost,
  };
}
