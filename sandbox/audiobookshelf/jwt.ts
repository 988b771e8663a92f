import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** HS256 JSON Web Tokens, as Audiobookshelf signs them with its server secret (jsonwebtoken). */

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const headerSchema = z.object({ alg: z.string(), typ: z.string().optional() });

/** The claims ABS puts in its tokens; unknown claims are kept. */
export const jwtPayloadSchema = z.looseObject({
  userId: z.string().optional(),
  username: z.string().optional(),
  keyId: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  jti: z.string().optional(),
  iat: z.number().optional(),
  exp: z.number().optional(),
  nbf: z.number().optional(),
});

export type JwtPayload = z.infer<typeof jwtPayloadSchema>;

function signature(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function signJwt(payload: JwtPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const input = `${HEADER}.${body}`;
  return `${input}.${signature(input, secret).toString('base64url')}`;
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The claims of a token without checking its signature (for bookkeeping only). */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  const parsed = jwtPayloadSchema.safeParse(decodeJson(token.split('.')[1] ?? ''));
  return parsed.success ? parsed.data : undefined;
}

export type JwtCheck = { ok: true; payload: JwtPayload } | { ok: false; reason: 'invalid' | 'expired' };

/** jsonwebtoken.verify: signature, then `nbf` and `exp` against `nowMs` (no clock tolerance). */
export function verifyJwt(token: string, secret: string, nowMs: number): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [head = '', body = '', sig = ''] = parts;
  const header = headerSchema.safeParse(decodeJson(head));
  if (!header.success || header.data.alg !== 'HS256') return { ok: false, reason: 'invalid' };
  const expected = signature(`${head}.${body}`, secret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  const payload = jwtPayloadSchema.safeParse(decodeJson(body));
  if (!payload.success) return { ok: false, reason: 'invalid' };
  const nowSeconds = Math.floor(nowMs / 1000);
  if (payload.data.nbf !== undefined && nowSeconds < payload.data.nbf)
    return { ok: false, reason: 'invalid' };
  if (payload.data.exp !== undefined && nowSeconds >= payload.data.exp)
    return { ok: false, reason: 'expired' };
  return { ok: true, payload: payload.data };
}
