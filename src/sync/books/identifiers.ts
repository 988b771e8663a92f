/** ISBN and ASIN handling: what people type into Audiobookshelf, turned into what Hardcover stores. */

function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(first9[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i]);
  return String((10 - (sum % 10)) % 10);
}

/** Digits (and a final X) only: "978-0-547-92822-7" → "9780547928227". */
export function compactIsbn(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export interface Isbns {
  isbn10: string | null;
  isbn13: string | null;
}

/**
 * Both forms of a valid ISBN (a 979 ISBN-13 has no ISBN-10). Null for text that is no valid ISBN,
 * so a typo never matches someone else's book.
 */
export function normaliseIsbn(raw: string): Isbns | null {
  const value = compactIsbn(raw);
  if (/^\d{9}[\dX]$/.test(value)) {
    if (isbn10CheckDigit(value.slice(0, 9)) !== value[9]) return null;
    const stem = `978${value.slice(0, 9)}`;
    return { isbn10: value, isbn13: stem + isbn13CheckDigit(stem) };
  }
  if (/^\d{13}$/.test(value)) {
    if (isbn13CheckDigit(value.slice(0, 12)) !== value[12]) return null;
    const isbn10 = value.startsWith('978') ? value.slice(3, 12) + isbn10CheckDigit(value.slice(3, 12)) : null;
    return { isbn10, isbn13: value };
  }
  return null;
}

/** Amazon's ten-character ids; audiobooks start with B0. */
export function normaliseAsin(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  return /^[A-Z0-9]{10}$/.test(value) && /[A-Z]/.test(value) ? value : null;
}

export interface ItemIdentifiers {
  asin: string | null;
  isbn10: string | null;
  isbn13: string | null;
}

/** An item's identifiers; an ISBN typed into the ASIN field (or the other way round) still counts. */
export function itemIdentifiers(isbnField: string | null, asinField: string | null): ItemIdentifiers {
  const out: ItemIdentifiers = { asin: null, isbn10: null, isbn13: null };
  for (const raw of [isbnField, asinField]) {
    if (!raw) continue;
    const isbns = normaliseIsbn(raw);
    if (isbns) {
      out.isbn10 ??= isbns.isbn10;
      out.isbn13 ??= isbns.isbn13;
      continue;
    }
    out.asin ??= normaliseAsin(raw);
  }
  return out;
}
