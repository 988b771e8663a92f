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

const ALL: readonly ClientDocument[] = [...CLIENT_DOCUMENTS, ...FEATURE_DOCUMENTS];
const cases = ALL.map((document) => [`${document.name} (${document.client})`, document] as const);

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

  it.each(cases)('%s runs on the stand-in with data and no errors', async (_name, document) => {
    const response = await hc.post(
      { query: document.query, variables: document.variables, operationName: document.operationName },
      document.token,
    );
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
  });
});
