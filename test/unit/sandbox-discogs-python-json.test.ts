import { describe, expect, it } from 'vitest';
import { pythonJson, withPythonJson } from '../../sandbox/discogs/python-json.ts';

describe('pythonJson (Discogs bodies as json.dumps writes them)', () => {
  it('separates with ", " and ": " so disconnect can read error messages', () => {
    const text = pythonJson({ message: "You don't have permission to access this resource." });
    expect(text).toBe('{"message": "You don\'t have permission to access this resource."}');
    expect(/^\{"message": "(.+)"\}/i.exec(text)?.[1]).toBe(
      "You don't have permission to access this resource.",
    );
  });

  it('nests lists and objects with the same separators and keeps key order', () => {
    expect(pythonJson({ b: [1, 2.5, { c: null }], a: true, e: [] })).toBe(
      '{"b": [1, 2.5, {"c": null}], "a": true, "e": []}',
    );
  });

  it('escapes every non-ASCII character as \\uXXXX, astral ones as surrogate pairs', () => {
    expect(pythonJson('Jesper Dahlbäck')).toBe('"Jesper Dahlb\\u00e4ck"');
    expect(pythonJson('坂本龍一')).toBe('"\\u5742\\u672c\\u9f8d\\u4e00"');
    expect(pythonJson('🎵')).toBe('"\\ud83c\\udfb5"');
    expect(pythonJson('a\u007fb')).toBe('"a\\u007fb"');
    expect(pythonJson('line\n"quoted"\\')).toBe('"line\\n\\"quoted\\"\\\\"');
  });

  it('drops undefined keys and writes non-finite numbers as null', () => {
    expect(pythonJson({ a: undefined, b: Number.NaN, c: 0 })).toBe('{"b": null, "c": 0}');
  });

  it('round-trips through JSON.parse', () => {
    const value = { title: 'Sigur Rós – ( )', list: [{ id: 1, qty: '2' }], year: 1999, ok: false };
    expect(JSON.parse(pythonJson(value))).toEqual(value);
  });

  it('serializes object bodies of replies and leaves text, buffers and empty bodies alone', () => {
    const reply = withPythonJson({ status: 200, headers: { 'x-a': '1' }, body: { id: 1 } });
    expect(reply.body).toBe('{"id": 1}');
    expect(reply.headers).toEqual({ 'content-type': 'application/json', 'x-a': '1' });
    const html = { status: 502, body: '<html></html>' };
    expect(withPythonJson(html)).toBe(html);
    const none = { status: 204 };
    expect(withPythonJson(none)).toBe(none);
  });
});
