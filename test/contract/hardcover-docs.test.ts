/**
 * Compares the stand-in's gateway replies, headers and search documents with what Hardcover's
 * "Getting Started" and "Searching" docs list (../shared/specs/hardcover/docs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  invalidQuery,
  invalidToken,
  malformedBody,
  serverError,
  tooManyRequests,
} from '../../sandbox/hardcover/gateway/replies.ts';
import { HardcoverStore } from '../../sandbox/hardcover/library/store.ts';
import { bookDocuments } from '../../sandbox/hardcover/search/book-documents.ts';
import { type HardcoverHarness, startHardcover } from '../e2e/fixtures/hardcover-client.ts';
import { hardcoverWorld } from '../e2e/fixtures/hardcover-world.ts';
import { sharedSpecs } from './hardcover-validate.ts';

const docs = new URL('hardcover/docs/api/', sharedSpecs);
const gettingStarted = new URL('Getting-Started.mdx', docs);
const searching = new URL('guides/Searching.mdx', docs);

/** `| 401 | text | \`{ error: "invalid_token", error_description: "..." }\` |` → code → example bodies. */
function documentedBodies(mdx: string): Map<number, { keys: string[]; error: string }[]> {
  const bodies = new Map<number, { keys: string[]; error: string }[]>();
  for (const line of mdx.split('\n')) {
    const row = /^\|\s*(\d{3})\s*\|/.exec(line);
    if (!row) continue;
    const examples = [...line.matchAll(/`\{([^`]*)\}`/g)].map((m) => m[1] ?? '');
    bodies.set(
      Number(row[1]),
      examples.map((text) => ({
        keys: [...text.matchAll(/(\w+):/g)].map((k) => k[1] ?? ''),
        error: /error:\s*"([^"]*)"/.exec(text)?.[1] ?? '',
      })),
    );
  }
  return bodies;
}

/** Header names in the table under the "X-RateLimit-*" heading and the bullets of the RateLimit one. */
function documentedHeaders(mdx: string): string[] {
  const header = '((?:X-)?RateLimit[A-Za-z-]*)';
  const rows = mdx.matchAll(new RegExp(`^\\| \`${header}\` \\|`, 'gm'));
  const bullets = mdx.matchAll(new RegExp(`^- \\*\\*\`${header}\`\\*\\*`, 'gm'));
  return [...rows, ...bullets].map((m) => (m[1] ?? '').toLowerCase());
}

/** The bullet list of book document fields between "### Books" and its "#### Default Values". */
function documentedBookFields(mdx: string): string[] {
  const section = mdx.split('### Books')[1]?.split('#### Default Values')[0] ?? '';
  return [...section.matchAll(/^- `(\w+)`/gm)].map((m) => m[1] ?? '');
}

function bodyOf(reply: { body?: unknown }): Record<string, unknown> {
  return reply.body as Record<string, unknown>;
}

describe.skipIf(!existsSync(docs))('contract: Hardcover gateway and search agree with the docs', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover({ limits: {} });
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  it('sends the documented error bodies', () => {
    const bodies = documentedBodies(readFileSync(gettingStarted, 'utf8'));
    const ours: [number, Record<string, unknown>][] = [
      [400, bodyOf(malformedBody({}))],
      [400, bodyOf(invalidQuery('x', {}))],
      [401, bodyOf(invalidToken('x'))],
      [429, bodyOf(tooManyRequests('x', 1, {}))],
      [500, bodyOf(serverError('500', {}))],
      [503, bodyOf(serverError('503', {}))],
    ];
    for (const [status, body] of ours) {
      const examples = bodies.get(status) ?? [];
      expect(examples.length, `docs list a body for ${status}`).toBeGreaterThan(0);
      const match = examples.find((e) => e.error === body.error);
      expect(match, `${status} ${JSON.stringify(body)}`).toBeDefined();
      expect(Object.keys(body).sort()).toEqual([...(match?.keys ?? [])].sort());
    }
  });

  it('sends every documented rate-limit header', async () => {
    const names = documentedHeaders(readFileSync(gettingStarted, 'utf8'));
    expect(names).toHaveLength(8);
    expect(names).toEqual(
      expect.arrayContaining(['ratelimit-policy', 'ratelimit', 'x-ratelimit-daily-reset']),
    );
    const response = await hc.post({ query: '{ me { id } }' });
    expect(response.status).toBe(200);
    for (const name of names) expect(response.headers.get(name), name).not.toBeNull();
  });

  it('fills every documented field of a book search document', () => {
    const fields = documentedBookFields(readFileSync(searching, 'utf8'));
    expect(fields.length).toBeGreaterThan(20);
    const [document] = bookDocuments(new HardcoverStore(hardcoverWorld()).tables);
    for (const field of fields) expect(document, field).toHaveProperty(field);
  });
});
