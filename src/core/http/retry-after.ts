/**
 * `Retry-After` as whole seconds from now. The header is either a delay in seconds or an HTTP date;
 * a date in the past means "now" (0). Anything unreadable is ignored (undefined).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  if (/^-/.test(text) || !/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
