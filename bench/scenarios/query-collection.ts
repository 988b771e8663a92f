/** The generated collection the query language is timed on (first written by the query engineer). */
import { join } from 'node:path';
import { type Database, openDatabase } from '../../src/core/db/database.ts';
import { foldText } from '../../src/core/text/fold.ts';

const GENRES = [
  'Jazz',
  'Rock',
  'Electronic',
  'Funk / Soul',
  'Hip Hop',
  'Classical',
  'Pop',
  'Latin',
  'Reggae',
  'Blues',
];
const STYLES = Array.from({ length: 300 }, (_, index) =>
  index % 7 === 0 ? `Fusion ${index}` : `Style ${index}`,
);
const FORMATS = ['Vinyl', 'CD', 'Cassette', 'File'];
const DESCRIPTIONS = ['LP', 'Album', '7"', 'Single', 'Compilation', 'Reissue'];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * Writes a deterministic collection of `releases` releases (artists, labels, formats, genres, styles,
 * copies in folders, tracks for every fifth) straight into a fresh database in `dir`.
 */
export async function generateQueryCollection(dir: string, releases: number): Promise<Database> {
  seed = 42;
  const database = await openDatabase({ path: join(dir, 'bench.db') });
  const { sqlite } = database;
  sqlite.transaction(() => {
    const insert = (table: string, columns: string[]) =>
      sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
    const folder = insert('collection_folders', ['id', 'name', 'count']);
    for (const [id, name] of ['Uncategorized', 'Jazz', 'Favourites', 'Sell'].entries())
      folder.run(id + 1, name, 0);
    const artist = insert('artists', ['id', 'name', 'display_name', 'name_folded']);
    for (let id = 1; id <= 20_000; id++)
      artist.run(id, `Artist ${id}`, `Artist ${id}`, foldText(`Artist ${id}`));
    const label = insert('labels', ['id', 'name', 'name_folded']);
    for (let id = 1; id <= 3_000; id++) label.run(id, `Label ${id}`, foldText(`Label ${id}`));
    const release = insert('releases', [
      'id',
      'title',
      'title_folded',
      'artists_display',
      'year',
      'country',
      'basic_hash',
      'updated_at',
    ]);
    const credit = insert('release_artists', [
      'release_id',
      'kind',
      'position',
      'artist_id',
      'anv',
      'join_text',
      'role',
      'tracks',
    ]);
    const labelRow = insert('release_labels', [
      'release_id',
      'position',
      'label_id',
      'catno',
      'entity_type',
      'entity_type_name',
    ]);
    const format = insert('release_formats', ['release_id', 'position', 'name', 'qty']);
    const description = insert('release_format_descriptions', [
      'release_id',
      'format_position',
      'position',
      'description',
    ]);
    const genre = insert('release_genres', ['release_id', 'position', 'genre']);
    const style = insert('release_styles', ['release_id', 'position', 'style']);
    const instance = insert('collection_instances', [
      'instance_id',
      'release_id',
      'folder_id',
      'rating',
      'date_added',
      'added_at',
    ]);
    const track = insert('release_tracks', [
      'release_id',
      'seq',
      'type',
      'position',
      'title',
      'title_folded',
      'duration',
      'duration_seconds',
    ]);
    let instanceId = 1;
    for (let id = 1; id <= releases; id++) {
      const title = `Title ${id}`;
      const artistId = 1 + Math.floor(random() * 20_000);
      release.run(
        id,
        title,
        foldText(title),
        `Artist ${artistId}`,
        1950 + Math.floor(random() * 75),
        pick(['US', 'UK', 'Germany', 'Japan']),
        'h',
        0,
      );
      credit.run(id, 'main', 0, artistId, '', '', '', '');
      labelRow.run(id, 0, 1 + Math.floor(random() * 3_000), `CAT-${id}`, '1', 'Label');
      format.run(id, 0, pick(FORMATS), '1');
      description.run(id, 0, 0, pick(DESCRIPTIONS));
      const genres = new Set([pick(GENRES), pick(GENRES)]);
      for (const [position, name] of [...genres].entries()) genre.run(id, position, name);
      const styles = new Set([pick(STYLES), pick(STYLES), pick(STYLES)]);
      for (const [position, name] of [...styles].entries()) style.run(id, position, name);
      const copies = random() < 0.1 ? 2 : random() < 0.05 ? 0 : 1;
      for (let copy = 0; copy < copies; copy++) {
        const day = new Date(Date.UTC(2005, 0, 1) + Math.floor(random() * 7_000) * 86_400_000)
          .toISOString()
          .slice(0, 19);
        instance.run(
          instanceId++,
          id,
          1 + Math.floor(random() * 4),
          Math.floor(random() * 6),
          `${day}-00:00`,
          `${day}Z`,
        );
      }
      if (id % 5 === 0) {
        for (let seq = 1; seq <= 8; seq++) {
          const name = `Track ${seq} of ${id}`;
          track.run(id, seq, 'track', `A${seq}`, name, foldText(name), '4:00', 180 + seq * 10);
        }
      }
    }
  })();
  sqlite.exec('analyze');
  return database;
}
