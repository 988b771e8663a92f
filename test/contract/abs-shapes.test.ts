import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

/**
 * Our Audiobookshelf responses against the v2.36 shapes in API-NOTES.md section 2 (read from the
 * server source): the key lists there are parsed, not copied, so a change in the notes shows up here.
 */

const specs = new URL('../../../shared/specs/', import.meta.url);
const notesFile = new URL('API-NOTES.md', specs);

type Shape =
  | { kind: 'any' }
  | { kind: 'object'; fields: Field[] }
  | { kind: 'array'; of: Shape }
  | { kind: 'literal'; values: string[] };
interface Field {
  name: string;
  optional: boolean;
  shape: Shape;
}

/** Parses the notes' brace notation: `{id, media:{metadata:{genres[]}}, kind:"a"|"b", opt (when …)}`. */
function parseShape(text: string): Shape {
  const tokens =
    text.match(/\\\||\||\{|\}|\[|\]|:|,|"[^"]*"|<[^>]*>|\([^)]*\)|…|\.\.\.|[A-Za-z_$][\w$]*|[^\s]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  function value(): Shape {
    const t = peek();
    if (t === '{') return object();
    if (t === '[') {
      next();
      let of: Shape = { kind: 'any' };
      if (peek() === '{') of = object();
      while (peek() !== undefined && peek() !== ']') next();
      next();
      return { kind: 'array', of };
    }
    if (t?.startsWith('"')) {
      const values = [t.slice(1, -1)];
      next();
      while (peek() === '|' || peek() === '\\|') {
        next();
        values.push((next() ?? '').replace(/^"|"$/g, ''));
      }
      return { kind: 'literal', values };
    }
    next();
    return { kind: 'any' };
  }
  function object(): Shape {
    next();
    const fields: Field[] = [];
    while (peek() !== undefined && peek() !== '}') {
      const name = next() ?? '';
      if (name === ',' || name === '…' || name === '...') continue;
      let shape: Shape = { kind: 'any' };
      let optional = false;
      if (peek() === '[') {
        next();
        next();
        shape = { kind: 'array', of: { kind: 'any' } };
      }
      if (peek()?.startsWith('(')) {
        next();
        optional = true;
      }
      if (peek() === ':') {
        next();
        shape = value();
      }
      fields.push({ name, optional, shape });
    }
    next();
    return { kind: 'object', fields };
  }
  return peek() === '{' ? object() : value();
}

function conform(shape: Shape, value: unknown, path: string): string[] {
  switch (shape.kind) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return [`${path}: not an object`];
      const problems: string[] = [];
      for (const field of shape.fields) {
        if (!(field.name in value)) {
          if (!field.optional) problems.push(`${path}.${field.name}: missing`);
          continue;
        }
        problems.push(
          ...conform(field.shape, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`),
        );
      }
      return problems;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      return value.slice(0, 3).flatMap((v, n) => conform(shape.of, v, `${path}[${n}]`));
    case 'literal':
      return typeof value === 'string' && shape.values.includes(value)
        ? []
        : [`${path}: ${JSON.stringify(value)} not in ${shape.values.join('|')}`];
    default:
      return [];
  }
}

/** Types from a JSON example: a non-null example value fixes the type; null allows anything. */
function conformToExample(
  example: Record<string, unknown>,
  value: Record<string, unknown>,
  path: string,
): string[] {
  const problems: string[] = [];
  for (const [key, sample] of Object.entries(example)) {
    if (!(key in value)) problems.push(`${path}.${key}: missing`);
    else if (sample !== null && typeof value[key] !== typeof sample)
      problems.push(`${path}.${key}: ${typeof value[key]}, expected ${typeof sample}`);
  }
  return problems;
}

describe.skipIf(!existsSync(specs))('contract: audiobookshelf v2.36 shapes from API-NOTES.md', () => {
  const notes = existsSync(specs) ? readFileSync(notesFile, 'utf8') : '';
  const section = notes.slice(notes.indexOf('## 2. Audiobookshelf'), notes.indexOf('## 3. Discogs'));
  const tableRow = (route: string) =>
    section.split('\n').find((line) => line.startsWith(`| \`${route}`)) ?? '';
  const braceIn = (text: string, from = 0) => {
    const m = /`(\{[^`]*\})`/.exec(text.slice(from));
    if (!m?.[1]) throw new Error(`no shape in: ${text.slice(0, 80)}`);
    return m[1];
  };
  const after = (marker: string) => {
    const at = section.indexOf(marker);
    if (at < 0) throw new Error(`not in notes: ${marker}`);
    return section.slice(at + marker.length);
  };
  const ticks = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  const sentence = (marker: string) => after(marker).split('\n')[0] ?? '';

  const world = generateBookWorld({ seed: 3, books: 30 });
  const abs = createAudiobookshelfStandIn(world.audiobookshelf);
  const alice = world.audiobookshelf.users.find((u) => u.username === 'alice');
  const audiobooks = world.audiobookshelf.libraries[0];
  const bookItem = world.audiobookshelf.items.find((i) => i.mediaType === 'book' && i.numAudioFiles > 0);
  let server: RunningStandIn;

  beforeAll(async () => {
    server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
  });
  afterAll(() => server.stop());

  async function get(path: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${server.origin}${path}`, {
      headers: { authorization: `Bearer ${abs.apiKeys[alice?.id ?? '']}` },
    });
    expect(response.status).toBe(200);
    return z.record(z.string(), z.unknown()).parse(await response.json());
  }
  const record = (value: unknown) => z.record(z.string(), z.unknown()).parse(value);

  /**
   * The notes list every key the serialiser writes; `media.ebookFormat` is `ebookFile?.ebookFormat`,
   * undefined for an audiobook, so JSON leaves it out there.
   */
  const minifiedShape = (): Shape => {
    const shape = parseShape(braceIn(after('LibraryItem, minified:')));
    const media = shape.kind === 'object' ? shape.fields.find((f) => f.name === 'media')?.shape : undefined;
    const ebookFormat =
      media?.kind === 'object' ? media.fields.find((f) => f.name === 'ebookFormat') : undefined;
    if (ebookFormat) ebookFormat.optional = true;
    return shape;
  };

  const fieldNames = (shape: Shape, path: string[] = []): string[] => {
    let node: Shape | undefined = shape;
    for (const name of path)
      node = node?.kind === 'object' ? node.fields.find((f) => f.name === name)?.shape : undefined;
    return node?.kind === 'object' ? node.fields.map((f) => f.name) : [];
  };

  it('parses the notes (the shapes this file checks are there)', () => {
    const minified = minifiedShape();
    expect(fieldNames(minified)).toEqual(
      expect.arrayContaining(['id', 'ino', 'libraryId', 'mediaType', 'media', 'numFiles', 'size']),
    );
    expect(fieldNames(minified, ['media', 'metadata'])).toEqual(
      expect.arrayContaining(['title', 'authorName', 'isbn', 'asin', 'abridged']),
    );
    const me = parseShape(braceIn(tableRow('GET /api/me` ')));
    expect(fieldNames(me)).toEqual(
      expect.arrayContaining(['mediaProgress', 'permissions', 'hasOpenIDLink', 'isOldToken']),
    );
    expect(me.kind === 'object' && me.fields.find((f) => f.name === 'isOldToken')?.optional).toBe(true);
    const libraries = parseShape(braceIn(tableRow('GET /api/libraries?include')));
    const library = libraries.kind === 'object' ? libraries.fields[0]?.shape : undefined;
    expect(library?.kind === 'array' && fieldNames(library.of)).toEqual(
      expect.arrayContaining(['folders', 'mediaType', 'lastUpdate']),
    );
    expect(conform(minified, { id: 'x' }, 'x').length).toBeGreaterThan(5);
  });

  it('LibraryItem minified: every field of the notes, authorName but no authors[], epoch-ms times', async () => {
    const page = await get(`/api/libraries/${audiobooks?.id}/items?limit=10`);
    const results = z.array(z.record(z.string(), z.unknown())).parse(page.results);
    for (const item of results) {
      expect(conform(minifiedShape(), item, 'item')).toEqual([]);
      const metadata = record(record(item.media).metadata);
      expect(metadata).not.toHaveProperty('authors');
      expect(typeof metadata.authorName).toBe('string');
      for (const key of ['addedAt', 'updatedAt', 'mtimeMs', 'ctimeMs', 'birthtimeMs']) {
        expect(Number.isInteger(item[key]) && Number(item[key]) > 1e12, key).toBe(true);
      }
      expect(typeof record(item.media).duration).toBe('number');
    }
  });

  it('LibraryItem expanded: a superset of minified with the added fields of the notes', async () => {
    const expanded = await get(`/api/items/${bookItem?.id}?expanded=1`);
    expect(conform(minifiedShape(), expanded, 'expanded')).toEqual([]);
    const adds = sentence('is a superset.');
    const [top = '', media = ''] = adds.split('its `media` has');
    for (const key of ticks(top)) expect(expanded, key).toHaveProperty(key);
    for (const key of ticks(media)) expect(record(expanded.media), key).toHaveProperty(key);
    const metadata = record(record(expanded.media).metadata);
    const metaLine = sentence('Expanded `metadata` adds');
    for (const spec of ticks(metaLine))
      expect(conform(parseShape(`{${spec}}`), metadata, `metadata(${spec})`)).toEqual([]);
  });

  it('LibraryItem non-expanded: authors[] and series[] but no authorName', async () => {
    const item = await get(`/api/items/${bookItem?.id}`);
    const metadata = record(record(item.media).metadata);
    const [has = '', hasNot = ''] = sentence('Non-expanded').split('but no');
    for (const spec of ticks(has).filter((t) => t.endsWith('[]'))) {
      expect(Array.isArray(metadata[spec.slice(0, -2)]), spec).toBe(true);
    }
    for (const key of ticks(hasNot)) expect(metadata, key).not.toHaveProperty(key);
  });

  it("MediaProgress: the keys and types of the notes' example, progress 0..1", async () => {
    const exampleText =
      /MediaProgress \(`getOldMediaProgress`\):\n```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const example = record(JSON.parse(exampleText));
    const all = z
      .array(z.record(z.string(), z.unknown()))
      .parse((await get('/api/me/progress')).mediaProgress);
    expect(all.length).toBeGreaterThan(0);
    for (const row of all) {
      expect(conformToExample(example, row, 'progress')).toEqual([]);
      expect(Number(row.progress)).toBeGreaterThanOrEqual(0);
      expect(Number(row.progress)).toBeLessThanOrEqual(1);
    }
  });

  it('GET /api/me: the fields of toOldJSONForBrowser', async () => {
    const me = await get('/api/me');
    expect(conform(parseShape(braceIn(tableRow('GET /api/me` '))), me, 'me')).toEqual([]);
    expect(me).not.toHaveProperty('isOldToken');
  });

  it('GET /api/libraries: the envelope and library fields', async () => {
    expect(
      conform(
        parseShape(braceIn(tableRow('GET /api/libraries?include'))),
        await get('/api/libraries'),
        'libraries',
      ),
    ).toEqual([]);
  });

  it('GET /api/libraries/:id/items: the page envelope', async () => {
    const envelope = parseShape(
      braceIn(
        after('pagination, filter and sort'),
        after('pagination, filter and sort').indexOf('- Response:'),
      ),
    );
    const withSort = await get(
      `/api/libraries/${audiobooks?.id}/items?limit=2&sort=addedAt&filter=progress.${Buffer.from('finished').toString('base64')}`,
    );
    expect(conform(envelope, withSort, 'page')).toEqual([]);
  });

  it('GET /api/me/items-in-progress and listening sessions: the envelopes', async () => {
    const row = tableRow('GET /api/me/items-in-progress');
    const extra = /\+ (\w+)/.exec(row)?.[1] ?? '';
    const body = await get('/api/me/items-in-progress');
    const items = z.array(z.record(z.string(), z.unknown())).parse(body.libraryItems);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item, extra).toHaveProperty(extra);
      if (item.mediaType === 'podcast') expect(item).toHaveProperty('recentEpisode');
      else expect(conform(minifiedShape(), item, 'in-progress')).toEqual([]);
    }
    const sessions = parseShape(braceIn(tableRow('GET /api/me/listening-sessions')));
    expect(conform(sessions, await get('/api/me/listening-sessions'), 'sessions')).toEqual([]);
  });

  it('/status and /login: the fields of the notes', async () => {
    const status = parseShape(
      braceIn(tableRow('GET /status'), tableRow('GET /status').indexOf('/status` gives')),
    );
    expect(conform(status, await get('/status'), 'status')).toEqual([]);
    const success = after('- Success: ');
    const login = parseShape(braceIn(success));
    const response = await fetch(`${server.origin}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: alice?.password }),
    });
    const body = record(await response.json());
    expect(conform(login, body, 'login')).toEqual([]);
    const userExtras = (/<user JSON with ([^>]+)>/.exec(success)?.[1] ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\|.*$/, ''));
    for (const key of userExtras) expect(record(body.user), key).toHaveProperty(key);
  });
});
