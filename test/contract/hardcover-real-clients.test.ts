/**
 * Documents shaped like those real Hardcover clients send (ShelfBridge, audiobookshelf-hardcover-sync,
 * the KOReader plugin, Calibre plugins, Calibre-Web Automated, shelfarr, grimmory): each is valid for
 * the vendor's schema, so the stand-in must accept it too and answer it without errors.
 */
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDCOVER_VALIDATION_RULES } from '../../sandbox/hardcover/graphql/hasura-errors.ts';
import { hardcoverSchema } from '../../sandbox/hardcover/schema/schema.ts';
import { type HardcoverHarness, startHardcover } from '../e2e/fixtures/hardcover-client.ts';
import {
  CLIENT_DOCUMENTS,
  type ClientDocument,
  FEATURE_DOCUMENTS,
} from '../e2e/fixtures/hardcover-client-documents.ts';
import { hardcoverSpecsAvailable, validateAgainstVendorSchema } from './hardcover-validate.ts';

/**
 * Whether a GraphQL result holds something found: a scalar anywhere in it. Empty lists, empty
 * objects and nulls do not count, so a document whose variables match nothing in the world fails.
 */
function holdsData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(holdsData);
  if (typeof value === 'object') return Object.values(value).some(holdsData);
  return true;
}

/** The top-level fields of a result that hold nothing found. */
function emptyFields(data: Record<string, unknown> | undefined): string[] {
  return Object.entries(data ?? {})
    .filter(([, value]) => !holdsData(value))
    .map(([key]) => key);
}

const ALL: readonly ClientDocument[] = [...CLIENT_DOCUMENTS, ...FEATURE_DOCUMENTS];
const caseOf = (document: ClientDocument) => [`${document.name} (${document.client})`, document] as const;
const cases = ALL.map(caseOf);

/** Documents that find something only after another one ran: the reader's Owned list exists once used. */
const RUN_FIRST: Record<string, string> = {
  'abs-sync: owned list check': 'abs-sync: mark edition owned (aliased mutation)',
};
/**
 * Documents that can only come back empty: the stand-in's catalogue records no contribution roles, so
 * no author is a "Narrator". They must still run without errors.
 */
const NOTHING_TO_FIND = new Set(['abs-sync: narrator by name']);
const withData = ALL.filter((document) => !NOTHING_TO_FIND.has(document.name)).map(caseOf);
const withoutData = ALL.filter((document) => NOTHING_TO_FIND.has(document.name)).map(caseOf);

function documentNamed(name: string): ClientDocument {
  const found = ALL.find((document) => document.name === name);
  if (!found) throw new Error(`no client document named ${name}`);
  return found;
}

describe.skipIf(!hardcoverSpecsAvailable)('contract: real Hardcover client documents', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover();
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  it.each(cases)('%s is valid for the vendor schema and for ours', (_name, document) => {
    expect(validateAgainstVendorSchema(document.query).map((e) => e.message)).toEqual([]);
    const ours = validate(hardcoverSchema(), parse(document.query), HARDCOVER_VALIDATION_RULES);
    expect(ours.map((e) => e.message)).toEqual([]);
  });

  async function run(document: ClientDocument) {
    const response = await hc.post(
      { query: document.query, variables: document.variables, operationName: document.operationName },
      document.token,
    );
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    return { status: response.status, body };
  }

  it.each(withData)('%s runs on the stand-in with data and no errors', async (name, document) => {
    const first = RUN_FIRST[document.name];
    if (first) expect((await run(documentNamed(first))).body.errors, `${name}: ${first}`).toBeUndefined();
    const { status, body } = await run(document);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
    // Every field asked for finds something in the fixture world; `data: { books: [] }` is no data.
    expect(emptyFields(body.data)).toEqual([]);
  });

  it.each(withoutData)(
    '%s runs on the stand-in with no errors (nothing in it to find)',
    async (_name, document) => {
      const { status, body } = await run(document);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
    },
  );
});
