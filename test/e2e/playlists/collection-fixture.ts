import type { Kysely } from 'kysely';
import type {
  DiscogsArtistCredit,
  DiscogsRelease,
  DiscogsTrack,
  RecordWorld,
} from '../../../sandbox/records/world.ts';
import type { DatabaseSchema } from '../../../src/core/db/schema.ts';

/**
 * Writes the generated collection straight into the records tables, tracklists included, as the
 * records bridge and enrich would. Lets the playlist tests run without Discogs traffic of their own.
 */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

function seconds(duration: string): number | null {
  const m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(duration.trim());
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  return c === undefined ? a * 60 + b : a * 3600 + b * 60 + c;
}

export async function writeCollection(
  db: Kysely<DatabaseSchema>,
  world: RecordWorld,
  options: { withTracklists?: boolean } = {},
): Promise<number[]> {
  const withTracklists = options.withTracklists ?? true;
  const owned = new Set(world.discogs.collection.map((item) => item.releaseId));
  const releases = world.discogs.releases.filter((release) => owned.has(release.id));
  const artists = new Map<number, string>();
  const labels = new Map<number, string>();
  const collect = (credits: readonly DiscogsArtistCredit[] = []) => {
    for (const credit of credits) artists.set(credit.id, credit.name);
  };
  for (const release of releases) {
    collect(release.artists);
    for (const label of release.labels) labels.set(label.id, label.name);
    for (const track of release.tracklist) {
      collect(track.artists);
      for (const sub of track.sub_tracks ?? []) collect(sub.artists);
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const [id, name] of artists) {
      const display = name.replace(/ \(\d+\)$/, '');
      const suffix = /\((\d+)\)$/.exec(name);
      await trx
        .insertInto('artists')
        .values({
          id,
          name,
          display_name: display,
          name_suffix: suffix ? Number(suffix[1]) : null,
          name_folded: fold(display),
        })
        .execute();
    }
    for (const [id, name] of labels) {
      await trx
        .insertInto('labels')
        .values({ id, name, name_folded: fold(name) })
        .execute();
    }
    for (const release of releases) await writeRelease(trx, release, withTracklists);
    for (const item of world.discogs.collection) {
      await trx
        .insertInto('collection_instances')
        .values({
          instance_id: item.instanceId,
          release_id: item.releaseId,
          folder_id: item.folderId,
          rating: item.rating,
          date_added: item.dateAdded,
          added_at: item.dateAdded,
        })
        .execute();
    }
  });
  return releases.map((release) => release.id);
}

async function writeRelease(trx: Kysely<DatabaseSchema>, release: DiscogsRelease, withTracklists: boolean) {
  await trx
    .insertInto('releases')
    .values({
      id: release.id,
      title: release.title,
      title_folded: fold(release.title),
      artists_display: release.artists.map((a) => a.anv || a.name).join(' & '),
      year: release.year || null,
      country: release.country,
      released: release.released,
      thumb: null,
      cover_image: null,
      master_id: release.masterId || null,
      data_quality: release.dataQuality,
      basic_hash: String(release.id),
      updated_at: 0,
      tracklist_fetched_at: withTracklists ? 1 : null,
      tracklist_status: withTracklists ? 'ok' : null,
    })
    .execute();
  for (const [position, credit] of release.artists.entries()) {
    await trx
      .insertInto('release_artists')
      .values({
        release_id: release.id,
        kind: 'main',
        position,
        artist_id: credit.id,
        anv: credit.anv,
        join_text: credit.join,
        role: credit.role,
        tracks: credit.tracks,
      })
      .execute();
  }
  for (const [position, label] of release.labels.entries()) {
    await trx
      .insertInto('release_labels')
      .values({
        release_id: release.id,
        position,
        label_id: label.id,
        catno: label.catno,
        entity_type: label.entity_type,
        entity_type_name: label.entity_type_name,
      })
      .execute();
  }
  for (const [position, genre] of release.genres.entries())
    await trx.insertInto('release_genres').values({ release_id: release.id, position, genre }).execute();
  for (const [position, style] of release.styles.entries())
    await trx.insertInto('release_styles').values({ release_id: release.id, position, style }).execute();
  for (const [position, format] of release.formats.entries()) {
    await trx
      .insertInto('release_formats')
      .values({
        release_id: release.id,
        position,
        name: format.name,
        qty: format.qty,
        text: format.text ?? null,
      })
      .execute();
    for (const [index, description] of format.descriptions.entries())
      await trx
        .insertInto('release_format_descriptions')
        .values({ release_id: release.id, format_position: position, position: index, description })
        .execute();
  }
  if (!withTracklists) return;
  let seq = 0;
  const writeTrack = async (track: DiscogsTrack, parent: number | null) => {
    seq += 1;
    const own = seq;
    await trx
      .insertInto('release_tracks')
      .values({
        release_id: release.id,
        seq: own,
        parent_seq: parent,
        type: track.type_,
        position: track.position,
        title: track.title,
        title_folded: fold(track.title),
        duration: track.duration,
        duration_seconds: seconds(track.duration),
      })
      .execute();
    for (const [kind, credits] of [
      ['main', track.artists ?? []],
      ['extra', track.extraartists ?? []],
    ] as const) {
      for (const [position, credit] of credits.entries()) {
        await trx
          .insertInto('track_artists')
          .values({
            release_id: release.id,
            track_seq: own,
            kind,
            position,
            artist_id: credit.id,
            anv: credit.anv,
            join_text: credit.join,
            role: credit.role,
          })
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
    }
    for (const sub of track.sub_tracks ?? []) await writeTrack(sub, own);
  };
  for (const track of release.tracklist) await writeTrack(track, null);
}
