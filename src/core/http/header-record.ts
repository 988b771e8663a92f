/** Headers as undici, node:http or fetch hand them over. */
export type HeaderInput = Headers | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** One lower-case key per header; repeated values are joined with ", " as HTTP allows for lists. */
export type HeaderRecord = Record<string, string>;

export function toHeaderRecord(headers: HeaderInput): HeaderRecord {
  const record: HeaderRecord = {};
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      record[name.toLowerCase()] = value;
    });
    return record;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const text =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value : value.join(', ');
    record[key] = key in record ? `${record[key]}, ${text}` : text;
  }
  return record;
}
