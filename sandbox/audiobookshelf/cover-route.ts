import type { Reply } from '../core/reply.ts';
import type { AbsContext } from './context.ts';
import { sendStatus } from './replies.ts';

/**
 * `GET /api/items/:id/cover` and `GET /api/authors/:id/image`, which the server answers without
 * authentication. A cover is served from the cover cache as WebP unless `format` asks otherwise, or
 * raw (the item's own cover.jpg) with `raw`; every cover here is the same 1×1 picture.
 */

const WEBP_1X1 = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** A baseline 1×1 grey JPEG (one 8×8 block, one-code Huffman tables). */
const JPEG_1X1 = Buffer.from(
  '/9j/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z',
  'base64',
);

function image(type: string, bytes: Buffer): Reply {
  return { status: 200, headers: { 'content-type': type }, body: bytes };
}

export function itemCover(ctx: AbsContext, itemId: string, query: URLSearchParams): Reply {
  const entry = ctx.catalog.item(itemId);
  if (!entry?.files().coverPath) return sendStatus(404);
  if (query.get('raw')) return image('image/jpeg', JPEG_1X1);
  const format = query.get('format') || 'webp';
  if (format === 'jpeg' || format === 'jpg') return image(`image/${format}`, JPEG_1X1);
  if (format === 'png') return image('image/png', PNG_1X1);
  return image(`image/${format}`, WEBP_1X1);
}

/** No author here has an image, so the answer is always 404. */
export function authorImage(): Reply {
  return sendStatus(404);
}
