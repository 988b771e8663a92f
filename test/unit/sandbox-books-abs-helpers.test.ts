import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, signJwt, verifyJwt } from '../../sandbox/audiobookshelf/jwt.ts';
import { parseFilter } from '../../sandbox/audiobookshelf/library-query.ts';
import { LoginRateLimit } from '../../sandbox/audiobookshelf/login-limit.ts';
import {
  compareNoCase,
  nameToLastFirst,
  stripAllTags,
  titleIgnorePrefix,
  titlePrefixAtEnd,
} from '../../sandbox/audiobookshelf/names.ts';
import { derivedUuid } from '../../sandbox/audiobookshelf/state.ts';
import { ymd } from '../../sandbox/books/dates.ts';
import {
  hyphenateIsbn,
  isbn10CheckDigit,
  isbn10To13,
  isValidIsbn10,
  isValidIsbn13,
  randomAsin,
  randomIsbn10,
  randomIsbn13,
} from '../../sandbox/books/isbn.ts';
import { Random } from '../../sandbox/core/random.ts';
import { ManualClock } from '../../src/core/clock.ts';

const SECRET = 'test-secret';
const NOW = Date.UTC(2026, 0, 1);

describe('jwt (HS256)', () => {
  it('round-trips claims', () => {
    const token = signJwt(
      { userId: 'u1', username: 'alice', type: 'access', iat: 1, exp: NOW / 1000 + 60 },
      SECRET,
    );
    expect(verifyJwt(token, SECRET, NOW)).toEqual({
      ok: true,
      payload: { userId: 'u1', username: 'alice', type: 'access', iat: 1, exp: NOW / 1000 + 60 },
    });
    expect(decodeJwtPayload(token)?.username).toBe('alice');
  });

  it('refuses another secret, a changed payload and a malformed token', () => {
    const token = signJwt({ userId: 'u1' }, SECRET);
    expect(verifyJwt(token, 'other', NOW)).toEqual({ ok: false, reason: 'invalid' });
    const [head, , sig] = token.split('.');
    const forged = `${head}.${Buffer.from('{"userId":"root"}').toString('base64url')}.${sig}`;
    expect(verifyJwt(forged, SECRET, NOW).ok).toBe(false);
    expect(verifyJwt('a.b', SECRET, NOW).ok).toBe(false);
    expect(verifyJwt('', SECRET, NOW).ok).toBe(false);
  });

  it('refuses alg "none"', () => {
    const head = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const body = Buffer.from('{"userId":"u1"}').toString('base64url');
    expect(verifyJwt(`${head}.${body}.`, SECRET, NOW).ok).toBe(false);
  });

  it('expires at exp (whole seconds, no tolerance) and honours nbf', () => {
    const exp = NOW / 1000 + 10;
    const token = signJwt({ exp }, SECRET);
    expect(verifyJwt(token, SECRET, NOW + 9_999).ok).toBe(true);
    expect(verifyJwt(token, SECRET, NOW + 10_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyJwt(signJwt({ nbf: NOW / 1000 + 5 }, SECRET), SECRET, NOW).ok).toBe(false);
  });
});

describe('names and collation', () => {
  it('moves a leading "The" or "A" to the end', () => {
    expect(titlePrefixAtEnd('The Hobbit')).toBe('Hobbit, The');
    expect(titlePrefixAtEnd('a Wizard of Earthsea')).toBe('Wizard of Earthsea, A');
    expect(titlePrefixAtEnd('Theory of Everything')).toBe('Theory of Everything');
    expect(titlePrefixAtEnd('An Echo')).toBe('An Echo');
    expect(titlePrefixAtEnd(null)).toBeNull();
    expect(titleIgnorePrefix('The Hobbit')).toBe('Hobbit');
    expect(titleIgnorePrefix('Mistborn')).toBe('Mistborn');
  });

  it('writes names last-first', () => {
    expect(nameToLastFirst('Terry Pratchett')).toBe('Pratchett, Terry');
    expect(nameToLastFirst('J. R. R. Tolkien')).toBe('Tolkien, J. R. R.');
    expect(nameToLastFirst('刘慈欣')).toBe('刘慈欣');
  });

  it('keeps name particles with the surname and drops titles, suffixes and nicknames, as the real server', () => {
    const cases: [string, string][] = [
      ['Yusuf van der Berg', 'van der Berg, Yusuf'],
      ['Ursula K. Le Guin', 'Le Guin, Ursula K.'],
      ['Ludwig von Mises', 'von Mises, Ludwig'],
      ['von Mises', 'von Mises'],
      ['Tomás Ó Briain', 'Briain, Tomás Ó'],
      ['Gabriel García Márquez', 'Márquez, Gabriel García'],
      ['Martin Luther King Jr.', 'King, Martin Luther'],
      ['Dr. Seuss', 'Seuss'],
      ['Sir Terry Pratchett', 'Pratchett, Terry'],
      ['Robert "Bob" Smith', 'Smith, Robert'],
      ['Smith, John', 'Smith, John'],
      ['yusuf van der berg', 'van der Berg, Yusuf'],
      ['  Single  ', 'Single'],
    ];
    for (const [name, lastFirst] of cases) expect(nameToLastFirst(name), name).toBe(lastFirst);
  });

  it('strips tags and decodes the common entities', () => {
    expect(stripAllTags('<p>Fish &amp; <b>chips</b> &quot;now&quot;</p>')).toBe('Fish & chips "now"');
  });

  it('sorts like SQLite NOCASE: ASCII case folded, accents after Z', () => {
    const titles = ['zero', 'Über', 'apple', 'The Hobbit', 'Zebra', 'Apple pie', 'the end'];
    expect([...titles].sort(compareNoCase)).toEqual([
      'apple',
      'Apple pie',
      'the end',
      'The Hobbit',
      'Zebra',
      'zero',
      'Über',
    ]);
    expect(compareNoCase('ABC', 'abc')).toBe(0);
  });
});

describe('library filter parsing', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('splits group and base64 value, URI-decoding first', () => {
    expect(parseFilter(`progress.${b64('in-progress')}`)).toEqual({
      group: 'progress',
      value: 'in-progress',
    });
    expect(parseFilter(`authors.${encodeURIComponent(b64('a1b2'))}`)).toEqual({
      group: 'authors',
      value: 'a1b2',
    });
    expect(parseFilter(`genres.${b64('Science Fiction')}`)).toEqual({
      group: 'genres',
      value: 'Science Fiction',
    });
  });

  it('keeps a bare or unknown group whole, with no value', () => {
    expect(parseFilter('issues')).toEqual({ group: 'issues', value: null });
    expect(parseFilter('weird.thing')).toEqual({ group: 'weird.thing', value: null });
    expect(parseFilter(null)).toEqual({ group: null, value: null });
  });
});

describe('login rate limit', () => {
  it('allows 40 per fixed 10-minute window per IP, then refuses with the time left', () => {
    const clock = new ManualClock(NOW);
    const limit = new LoginRateLimit(clock, 1);
    for (let i = 1; i <= 40; i++)
      expect(limit.hit('1.2.3.4').headers['ratelimit-remaining']).toBe(String(40 - i));
    clock.advance(100_000);
    const refused = limit.hit('1.2.3.4');
    expect(refused.allowed).toBe(false);
    expect(refused.headers['retry-after']).toBe('500');
    expect(limit.hit('5.6.7.8').allowed).toBe(true);
    clock.advance(500_000);
    expect(limit.hit('1.2.3.4').allowed).toBe(true);
  });

  it('scales the window by the rate scale', () => {
    const limit = new LoginRateLimit(new ManualClock(NOW), 4);
    expect(limit.windowMs).toBe(150_000);
    expect(limit.hit('ip').headers['ratelimit-policy']).toBe('40;w=150');
  });
});

describe('isbn and asin helpers', () => {
  it('computes check digits, including X', () => {
    expect(isbn10CheckDigit('030640615')).toBe('2');
    expect(isValidIsbn10('0306406152')).toBe(true);
    expect(isValidIsbn10('080442957X')).toBe(true);
    expect(isValidIsbn10('0306406153')).toBe(false);
    expect(isbn10To13('0306406152')).toBe('9780306406157');
    expect(isValidIsbn13('9780306406157')).toBe(true);
    expect(isValidIsbn13('9780306406158')).toBe(false);
  });

  it('makes only valid identifiers', () => {
    const random = new Random(42);
    for (let i = 0; i < 500; i++) {
      expect(isValidIsbn10(randomIsbn10(random))).toBe(true);
      expect(isValidIsbn13(randomIsbn13(random, '978'))).toBe(true);
      expect(isValidIsbn13(randomIsbn13(random, '979'))).toBe(true);
      expect(randomAsin(random)).toMatch(/^B0[0-9A-Z]{8}$/);
    }
  });

  it('hyphenates without changing the digits', () => {
    expect(hyphenateIsbn('0306406152')).toBe('0-306-40615-2');
    expect(hyphenateIsbn('9780306406157')).toBe('978-0-3064-0615-7');
    expect(hyphenateIsbn('9780306406157').replace(/-/g, '')).toBe('9780306406157');
  });
});

describe('small helpers', () => {
  it('formats dates as the ISO calendar date', () => {
    for (const ms of [
      0,
      Date.UTC(2000, 1, 29, 23, 59),
      Date.UTC(1999, 11, 31),
      Date.UTC(2026, 0, 1),
      -86_400_000,
    ]) {
      expect(ymd(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    }
  });

  it('derives stable v4-shaped uuids', () => {
    expect(derivedUuid('x')).toBe(derivedUuid('x'));
    expect(derivedUuid('x')).not.toBe(derivedUuid('y'));
    expect(derivedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
