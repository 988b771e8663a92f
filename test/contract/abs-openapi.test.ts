import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

/**
 * Our library responses against the vendor's OpenAPI (advplyr/audiobookshelf docs/openapi.json), which
 * covers the library routes: a small JSON-schema check of types, nullability, formats, $ref/allOf/oneOf.
 */

const specs = new URL('../../../shared/specs/', import.meta.url);
const openapiFile = new URL('audiobookshelf/openapi/docs/openapi.json', specs);

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

const schemaShape: z.ZodType<Schema> = z.lazy(() =>
  z.looseObject({
    $ref: z.string().optional(),
    type: z.string().optional(),
    nullable: z.boolean().optional(),
    format: z.string().optional(),
    enum: z.array(z.unknown()).optional(),
    properties: z.record(z.string(), schemaShape).optional(),
    required: z.array(z.string()).optional(),
    items: schemaShape.optional(),
    allOf: z.array(schemaShape).optional(),
    oneOf: z.array(schemaShape).optional(),
    anyOf: z.array(schemaShape).optional(),
  }),
);

const openapiShape = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({
    schemas: z.record(z.string(), z.unknown()),
    responses: z.record(z.string(), z.unknown()),
  }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkFormat(format: string, value: string): boolean {
  if (format === 'uuid') return UUID.test(value);
  if (format === 'date-time') return !Number.isNaN(Date.parse(value));
  // The spec writes some formats as patterns, e.g. "[0-9]*" for inodes.
  if (/[[\]*{]/.test(format)) return new RegExp(`^(?:${format})$`).test(value);
  return true;
}

describe.skipIf(!existsSync(specs))(
  'contract: audiobookshelf library routes against the vendor OpenAPI',
  () => {
    const doc = existsSync(specs)
      ? openapiShape.parse(JSON.parse(readFileSync(openapiFile, 'utf8')))
      : undefined;
    const world = generateBookWorld({ seed: 11, books: 30 });
    const abs = createAudiobookshelfStandIn(world.audiobookshelf);
    const alice = world.audiobookshelf.users.find((u) => u.username === 'alice');
    let server: RunningStandIn;

    beforeAll(async () => {
      server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
    });
    afterAll(() => server.stop());

    function resolve(ref: string): unknown {
      let node: unknown = doc;
      for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
      return node;
    }

    function schemaAt(ref: string): Schema {
      return schemaShape.parse(resolve(ref));
    }

    function validate(schema: Schema, value: unknown, path: string): string[] {
      if (schema.$ref) return validate(schemaAt(schema.$ref), value, path);
      const problems: string[] = [];
      for (const part of schema.allOf ?? []) problems.push(...validate(part, value, path));
      const alternatives = schema.oneOf ?? schema.anyOf;
      if (alternatives && !alternatives.some((alt) => validate(alt, value, path).length === 0)) {
        problems.push(`${path}: matches none of the alternatives`);
      }
      if (value === null)
        return schema.type && !schema.nullable ? [...problems, `${path}: null but not nullable`] : problems;
      switch (schema.type) {
        case 'object':
          if (typeof value !== 'object' || Array.isArray(value))
            return [...problems, `${path}: not an object`];
          for (const key of schema.required ?? [])
            if (!(key in value)) problems.push(`${path}.${key}: missing`);
          for (const [key, sub] of Object.entries(schema.properties ?? {})) {
            if (key in value)
              problems.push(...validate(sub, (value as Record<string, unknown>)[key], `${path}.${key}`));
          }
          break;
        case 'array':
          if (!Array.isArray(value)) return [...problems, `${path}: not an array`];
          if (schema.items) {
            for (const [i, v] of value.entries())
              problems.push(...validate(schema.items, v, `${path}[${i}]`));
          }
          break;
        case 'string':
          if (typeof value !== 'string') problems.push(`${path}: ${JSON.stringify(value)} is not a string`);
          else if (schema.format && !checkFormat(schema.format, value))
            problems.push(`${path}: ${value} is not ${schema.format}`);
          break;
        case 'integer':
          if (!Number.isInteger(value)) problems.push(`${path}: ${JSON.stringify(value)} is not an integer`);
          break;
        case 'number':
          if (typeof value !== 'number') problems.push(`${path}: ${JSON.stringify(value)} is not a number`);
          break;
        case 'boolean':
          if (typeof value !== 'boolean') problems.push(`${path}: ${JSON.stringify(value)} is not a boolean`);
          break;
        default:
          break;
      }
      if (schema.enum && !schema.enum.includes(value))
        problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
      return problems;
    }

    function okSchema(path: string): Schema {
      const operation = z
        .looseObject({ responses: z.record(z.string(), z.unknown()) })
        .parse(doc?.paths[path]?.get);
      let response = operation.responses['200'];
      const ref = z.object({ $ref: z.string() }).safeParse(response);
      if (ref.success) response = resolve(ref.data.$ref);
      const content = z
        .object({ content: z.object({ 'application/json': z.object({ schema: z.unknown() }) }) })
        .parse(response);
      return schemaShape.parse(content.content['application/json'].schema);
    }

    async function get(path: string): Promise<unknown> {
      const response = await fetch(`${server.origin}${path}`, {
        headers: { authorization: `Bearer ${abs.apiKeys[alice?.id ?? '']}` },
      });
      expect(response.status).toBe(200);
      return response.json();
    }

    it('GET /api/libraries matches getLibraries', async () => {
      expect(validate(okSchema('/api/libraries'), await get('/api/libraries'), '$')).toEqual([]);
    });

    it('GET /api/libraries/{id} matches library200 for every library', async () => {
      for (const library of world.audiobookshelf.libraries) {
        expect(
          validate(okSchema('/api/libraries/{id}'), await get(`/api/libraries/${library.id}`), library.name),
        ).toEqual([]);
      }
    });

    it('GET /api/libraries/{id}/items matches getLibraryItems, and book results match libraryItemMinified', async () => {
      const minified = schemaAt('#/components/schemas/libraryItemMinified');
      for (const library of world.audiobookshelf.libraries) {
        const page = z
          .object({ results: z.array(z.unknown()) })
          .loose()
          .parse(await get(`/api/libraries/${library.id}/items?limit=50&sort=media.metadata.title`));
        expect(validate(okSchema('/api/libraries/{id}/items'), page, library.name)).toEqual([]);
        if (library.mediaType === 'book') {
          for (const [i, item] of page.results.entries()) {
            expect(validate(minified, item, `${library.name}[${i}]`)).toEqual([]);
          }
        }
      }
    });

    it('would catch a wrong type, a bad format or a non-nullable null', async () => {
      const body = z
        .object({ libraries: z.array(z.record(z.string(), z.unknown())) })
        .parse(await get('/api/libraries'));
      const [first] = body.libraries;
      const broken = {
        libraries: [{ ...first, displayOrder: '1', id: 'lib_1', settings: { coverAspectRatio: null } }],
      };
      const problems = validate(okSchema('/api/libraries'), broken, '$');
      expect(problems).toContain('$.libraries[0].displayOrder: "1" is not an integer');
      expect(problems).toContain('$.libraries[0].id: lib_1 is not uuid');
      expect(problems).toContain('$.libraries[0].settings.coverAspectRatio: null but not nullable');
    });

    it('answers a missing library as library404 documents it (text/html)', async () => {
      const documented = z
        .object({ content: z.record(z.string(), z.unknown()) })
        .parse(resolve('#/components/responses/library404'));
      const response = await fetch(`${server.origin}/api/libraries/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: `Bearer ${abs.apiKeys[alice?.id ?? '']}` },
      });
      expect(response.status).toBe(404);
      const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
      expect(Object.keys(documented.content)).toContain(type);
    });
  },
);
