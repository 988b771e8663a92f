/**
 * A forgiving reader for the list syntax of the IETF RateLimit headers
 * (`"Free";r=8;t=42, "daily";r=4231;t=51234`) and of their older drafts (`100;w=60`,
 * `limit=100, remaining=50, reset=30`). Servers get the syntax slightly wrong often enough that a
 * strict Structured Fields parser would throw away information we can still use.
 */
export interface HeaderListItem {
  /** The bare item before the first `;`, unquoted; `key=value` members keep their `=`. */
  value: string;
  params: Record<string, string>;
}

/** The items of a header; none when the header is absent. */
export function parseHeaderList(header: string | undefined): HeaderListItem[] {
  if (header === undefined) return [];
  return splitOutsideQuotes(header, ',')
    .map((member) => member.trim())
    .filter((member) => member.length > 0)
    .map(parseItem);
}

function parseItem(member: string): HeaderListItem {
  const [head, ...rest] = splitOutsideQuotes(member, ';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const separator = param.indexOf('=');
    const key = (separator === -1 ? param : param.slice(0, separator)).trim().toLowerCase();
    if (key === '') continue;
    params[key] = separator === -1 ? '' : unquote(param.slice(separator + 1).trim());
  }
  return { value: unquote(head.trim()), params };
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text;
}

/** Always at least one part: the text after the last separator, empty or not. */
function splitOutsideQuotes(text: string, separator: string): [...string[], string] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && quoted) {
      current += char + (text[i + 1] ?? '');
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  return [...parts, current];
}

/** A non-negative finite number, or undefined for anything else (garbage, negative, empty). */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
