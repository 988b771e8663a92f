/**
 * Discogs' `date_added` ("2015-04-14T03:23:29-07:00") as UTC text that sorts and compares as text:
 * "2015-04-14T10:23:29Z". Empty or unreadable input comes back unchanged.
 */
export function addedAtUtc(dateAdded: string): string {
  const ms = Date.parse(dateAdded);
  if (dateAdded.trim() === '' || Number.isNaN(ms)) return dateAdded;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Discogs' track duration ("4:05", "1:02:03") in seconds; null when empty or unreadable. */
export function durationSeconds(duration: string): number | null {
  const text = duration.trim();
  if (!/^\d+(:\d{1,2}){0,2}$/.test(text)) return null;
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
