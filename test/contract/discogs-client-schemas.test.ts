import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  collectionPageSchema,
  foldersSchema,
  releaseSchema,
  wantsPageSchema,
} from '../../src/upstream/discogs/schemas.ts';

const specs = fileURLToPath(new URL('../../../shared/specs/', import.meta.url));
const fixtures = `${specs}discogs/fixtures/`;

function fixture(path: string): unknown {
  return JSON.parse(readFileSync(`${fixtures}${path}`, 'utf8'));
}

describe.skipIf(!existsSync(specs))('contract: our Discogs schemas read the captured real responses', () => {
  it('reads a collection page, with ratings, folders and notes', () => {
    const page = collectionPageSchema.parse(
      fixture('users/example/collection/folders/0/releases_page=1&per_page=50.json'),
    );
    expect(page.releases.length).toBeGreaterThan(0);
    for (const item of page.releases) {
      expect(item.basic_information.id).toBe(item.id);
      expect(item.instance_id).toBeGreaterThan(0);
    }
  });

  it('reads a wantlist page (whose items carry no date_added)', () => {
    const page = wantsPageSchema.parse(fixture('users/example/wants_per_page=50&page=1.json'));
    expect(page.wants.length).toBeGreaterThan(0);
    expect(page.wants.some((want) => want.notes_public)).toBe(true);
  });

  it('reads the folder list, folder 0 "All" first', () => {
    const { folders } = foldersSchema.parse(fixture('users/example/collection/folders.json'));
    expect(folders[0]).toMatchObject({ id: 0, name: 'All' });
  });

  it('reads every captured release, tracklists included', () => {
    const files = readdirSync(`${fixtures}releases`).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const release = releaseSchema.parse(fixture(`releases/${file}`));
      expect(release.tracklist.length).toBeGreaterThan(0);
    }
  });
});
