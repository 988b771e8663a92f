import type { z } from 'zod';
import { ShelfsyncError } from '../errors.ts';
import type { ExchangeContext } from './errors-from-response.ts';
import { failureMessage } from './failure-messages.ts';
import { HttpFailure } from './http-failure.ts';

/**
 * Reads a response body to text, reporting each chunk's size as it arrives. Decoded chunk by chunk
 * into V8 strings: a large body turned into one string by `Buffer.toString` becomes an external
 * string whose megabytes sit outside the heap, unseen by the collector until a full collection.
 * The BOM is kept, as `Buffer.toString` keeps it.
 */
export async function readBodyText(
  body: AsyncIterable<Uint8Array>,
  onBytes: (count: number) => void,
): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for await (const chunk of body) {
    onBytes(chunk.byteLength);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** Parses JSON and checks it against `schema`; anything unexpected is a `bad_response`. */
export function decodeJson<S extends z.ZodType>(
  exchange: ExchangeContext,
  status: number,
  text: string,
  schema: S,
): z.output<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // A body cut short or replaced by a proxy's page is a passing fault: worth another try.
    throw badResponse(exchange, status, text, error, true);
  }
  const result = schema.safeParse(parsed);
  // Well-formed JSON of the wrong shape will be the same next time: no retry.
  if (!result.success) throw badResponse(exchange, status, text, result.error, false);
  return result.data;
}

function badResponse(
  exchange: ExchangeContext,
  status: number,
  text: string,
  cause: unknown,
  retryable: boolean,
): ShelfsyncError {
  const { service, method, path } = exchange;
  return new ShelfsyncError(failureMessage('bad_response', { service, method, path }), {
    code: 'bad_response',
    service,
    status,
    retryable,
    cause: new HttpFailure({ method, path, status, bodyExcerpt: text, mayHaveReachedServer: true, cause }),
  });
}
