import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { decodeJson } from '../../src/core/http/response-body.ts';

/**
 * Every zod schema exported under src/upstream decodes what a server might send (any text, any
 * JSON, objects with the right keys and wrong values) into data or a bad_response ShelfsyncError
 * with one plain line: never another exception, never a hang.
 */
const RUNS = process.env.SHELFSYNC_SOAK === '1' ? 2000 : 150;
const upstream = fileURLToPath(new URL('../../src/upstream/', import.meta.url));

async function exportedSchemas(): Promise<[string, z.ZodType][]> {
  const found: [string, z.ZodType][] = [];
  for (const service of readdirSync(upstream, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const file of readdirSync(`${upstream}${service.name}`)) {
      if (!file.endsWith('.ts')) continue;
      const module = (await import(`${upstream}${service.name}/${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (value instanceof z.ZodType) found.push([`${service.name}/${file} ${name}`, value]);
      }
    }
  }
  return found;
}

const schemas = await exportedSchemas();
const exchange = { service: 'discogs', method: 'GET', path: '/fuzz' } as const;

function decodesOrExplains(schema: z.ZodType, text: string): void {
  try {
    decodeJson(exchange, 200, text, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(ShelfsyncError);
    expect(error).toMatchObject({ code: 'bad_response' });
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain(text.length > 12 ? text : '\u0000never');
  }
}

const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);

/** An object with the schema's own keys (one level down too) and values of any type. */
function shaped(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return fc.jsonValue({ maxDepth: 3 });
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(shape)) {
    const inner = (child as unknown as { shape?: Record<string, unknown> }).shape;
    fields[key] = inner
      ? fc.oneof(
          leaf,
          fc.record(Object.fromEntries(Object.keys(inner).map((k) => [k, leaf])), { requiredKeys: [] }),
        )
      : fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }));
  }
  return fc.record(fields, { requiredKeys: [] });
}

describe('upstream response decoders fuzz', () => {
  it('found the schemas of every service', () => {
    const services = new Set(schemas.map(([name]) => name.split('/')[0]));
    expect([...services].sort()).toEqual(expect.arrayContaining(['audiobookshelf', 'discogs', 'hardcover']));
    expect(schemas.length).toBeGreaterThan(15);
  });

  it.each(schemas)('%s', (_name, schema) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
          shaped(schema).map((value) => JSON.stringify(value)),
          shaped(schema).map((value) => JSON.stringify(value).slice(0, 20)),
        ),
        (text) => decodesOrExplains(schema, text),
      ),
      { numRuns: RUNS },
    );
  });
});
