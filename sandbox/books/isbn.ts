import type { Random } from '../core/random.ts';

/** ISBN-10/13 and ASIN helpers for the book generator. Checksums are always valid. */

export function isbn10CheckDigit(body9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function isbn13CheckDigit(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

export function isValidIsbn10(isbn: string): boolean {
  return /^\d{9}[\dX]$/.test(isbn) && isbn10CheckDigit(isbn.slice(0, 9)) === isbn[9];
}

export function isValidIsbn13(isbn: string): boolean {
  return /^97[89]\d{10}$/.test(isbn) && isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12];
}

/** The ISBN-13 (978 prefix) of an ISBN-10. */
export function isbn10To13(isbn10: string): string {
  const body = `978${isbn10.slice(0, 9)}`;
  return body + isbn13CheckDigit(body);
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

/** An English-language ISBN-10 (group 0 or 1). */
export function randomIsbn10(random: Random): string {
  const body = `${random.int(0, 1)}${digits(random, 8)}`;
  return body + isbn10CheckDigit(body);
}

/** An ISBN-13 with no ISBN-10 form (979 prefix) or a 978 one. */
export function randomIsbn13(random: Random, prefix: '978' | '979' = '979'): string {
  const body = `${prefix}${prefix === '979' ? random.pick(['8', '1']) : String(random.int(0, 1))}${digits(random, 8)}`;
  return body + isbn13CheckDigit(body);
}

/** An Amazon ASIN of the modern kind, e.g. B0C1X2Y3Z4. */
export function randomAsin(random: Random): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let out = 'B0';
  for (let i = 0; i < 8; i++) out += alphabet[random.int(0, alphabet.length - 1)];
  return out;
}

/**
 * How a person types an ISBN with hyphens. Real hyphenation depends on range tables; this splits
 * group/publisher/title plausibly (0-670-82162-4, 978-1-4028-9462-6), which is what matching must survive.
 */
export function hyphenateIsbn(isbn: string): string {
  if (isbn.length === 10) return `${isbn[0]}-${isbn.slice(1, 4)}-${isbn.slice(4, 9)}-${isbn[9]}`;
  if (isbn.length === 13)
    return `${isbn.slice(0, 3)}-${isbn[3]}-${isbn.slice(4, 8)}-${isbn.slice(8, 12)}-${isbn[12]}`;
  return isbn;
}
