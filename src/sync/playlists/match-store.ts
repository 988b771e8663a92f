import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/database.ts';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { MatchDecision } from './matching/score.ts';

export interface KnownMatch extends MatchDecision {
  decision: 'accepted' | 'rejected' | null;
}

function splitKey(key: string): { releaseId: number; position: string } {
  const colon = key.indexOf(':');
  return { releaseId: Number(key.slice(0, colon)), position: key.slice(colon + 1) };
}

/**
 * What earlier builds learnt, by `releaseId:position`: matches and uncertain candidates forever,
 * "not found" until it expires. A decision from `playlist review` overrides the status.
 */
export async function loadKnownMatches(
  db: Kysely<DatabaseSchema>,
  releaseIds: readonly number[],
  now: number,
): Promise<Map<string, KnownMatch>> {
  const known = new Map<string, KnownMatch>();
  const ids = [...new Set(releaseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('track_matches')
      .selectAll()
      .where('release_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      if (row.decision === null && row.expires_at !== null && row.expires_at <= now) continue;
      const status =
        row.decision === 'accepted' ? 'matched' : row.decision === 'rejected' ? 'missing' : row.status;
      known.set(`${row.release_id}:${row.position}`, {
        status,
        urn: row.urn,
        score: row.score,
        reason: row.decision ? `${row.decision} in review` : 'remembered from an earlier build',
        decision: row.decision,
      });
    }
  }
  return known;
}

/** Stores one release's fresh results in one transaction; review decisions are left as they are. */
export async function saveMatches(
  database: Database,
  results: ReadonlyMap<string, MatchDecision>,
  now: number,
  notFoundTtlMs: number,
): Promise<void> {
  if (results.size === 0) return;
  await database.transaction(async (trx) => {
    for (const [key, result] of results) {
      const { releaseId, position } = splitKey(key);
      const values = {
        status: result.status,
        urn: result.urn,
        score: result.score,
        checked_at: now,
        expires_at: result.status === 'missing' ? now + notFoundTtlMs : null,
      };
      await trx
        .insertInto('track_matches')
        .values({ release_id: releaseId, position, decision: null, ...values })
        .onConflict((conflict) => conflict.columns(['release_id', 'position']).doUpdateSet(values))
        .execute();
    }
  });
}

/** `playlist review`: the user's verdict on an uncertain candidate, kept across rebuilds. */
export async function recordDecision(
  database: Database,
  key: string,
  decision: 'accepted' | 'rejected',
  now: number,
): Promise<boolean> {
  const { releaseId, position } = splitKey(key);
  const result = await database.db
    .updateTable('track_matches')
    .set({ decision, checked_at: now, expires_at: null })
    .where('release_id', '=', releaseId)
    .where('position', '=', position)
    .where('urn', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
