import { describe, expect, it } from 'vitest';
import type { Filter, Query } from '../../src/query/ast.ts';
import { parseQuery } from '../../src/query/parser.ts';
import { QueryError } from '../../src/query/query-error.ts';

/** A filter without offsets, written compactly: easier to read than the full AST. */
function shape(filter: Filter | undefined): unknown {
  if (!filter) return undefined;
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { [filter.kind]: filter.operands.map(shape) };
    case 'not':
      return { not: shape(filter.operand) };
    case 'compare':
      return [filter.field.name, filter.op, filter.value.value];
    case 'in':
      return [
        filter.field.name,
        'in',
        filter.items.map((item) => ('low' in item ? [item.low.value, item.high.value] : item.value)),
      ];
  }
}

function filterOf(text: string): unknown {
  return shape(parseQuery(text).filter);
}

function errorOf(text: string): QueryError {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseQuery: filters', () => {
  const cases: [string, unknown][] = [
    ['genre = Jazz', ['genre', '=', 'Jazz']],
    ['genre == Jazz', ['genre', '=', 'Jazz']],
    ['GENRE = Jazz', ['genre', '=', 'Jazz']],
    ['title = Kind of Blue', ['release', '=', 'Kind of Blue']],
    ['release = "Kind of Blue"', ['release', '=', 'Kind of Blue']],
    ["release = 'Kind of Blue'", ['release', '=', 'Kind of Blue']],
    ['artist = Miles Davis', ['artist', '=', 'Miles Davis']],
    ['artist = AC/DC', ['artist', '=', 'AC/DC']],
    ["release = Don't Stop", ['release', '=', "Don't Stop"]],
    ['artist = !!!', ['artist', '=', '!!!']],
    ['genre != Rock', { not: ['genre', '=', 'Rock'] }],
    ['genre <> Rock', { not: ['genre', '=', 'Rock'] }],
    ['style ~ fusion', ['style', '~', 'fusion']],
    ['style !~ fusion', { not: ['style', '~', 'fusion'] }],
    ['year < 1970', ['year', '<', 1970]],
    ['year<=1970', ['year', '<=', 1970]],
    ['year > 1970', ['year', '>', 1970]],
    ['year >= 1970', ['year', '>=', 1970]],
    ['rating >= 4', ['rating', '>=', 4]],
    ['decade = 1960s', ['decade', '=', 1960]],
    ['decade = 1960', ['decade', '=', 1960]],
    ['year in 1960..1969', ['year', 'in', [[1960, 1969]]]],
    ['year = 1960..1969', ['year', 'in', [[1960, 1969]]]],
    ['year != 1960..1969', { not: ['year', 'in', [[1960, 1969]]] }],
    ['year in (1955, 1960..1969)', ['year', 'in', [1955, [1960, 1969]]]],
    ['genre in (Jazz, Blues, "Funk / Soul")', ['genre', 'in', ['Jazz', 'Blues', 'Funk / Soul']]],
    ['genre in (Hip Hop, Stage & Screen)', ['genre', 'in', ['Hip Hop', 'Stage & Screen']]],
    ['genre not in (Rock, Pop)', { not: ['genre', 'in', ['Rock', 'Pop']] }],
    ['added >= 2024-01-01', ['added', '>=', { from: '2024-01-01', until: '2024-01-02' }]],
    ['added = 2024-02', ['added', '=', { from: '2024-02-01', until: '2024-03-01' }]],
    ['added < 2024', ['added', '<', { from: '2024-01-01', until: '2025-01-01' }]],
    ['added = 2024-12-31', ['added', '=', { from: '2024-12-31', until: '2025-01-01' }]],
    ['added = 2024-02-29', ['added', '=', { from: '2024-02-29', until: '2024-03-01' }]],
    [
      'added in 2023-06..2024',
      [
        'added',
        'in',
        [
          [
            { from: '2023-06-01', until: '2023-07-01' },
            { from: '2024-01-01', until: '2025-01-01' },
          ],
        ],
      ],
    ],
    ['duration > 10:00', ['duration', '>', 600]],
    ['duration < 1:02:03', ['duration', '<', 3723]],
    ['duration >= 90', ['duration', '>=', 90]],
    ['track ~ "so what"', ['track', '~', 'so what']],
    ['catno = BLP-4003', ['catno', '=', 'BLP-4003']],
    ['id = 12345', ['id', '=', 12345]],
    ['country = UK', ['country', '=', 'UK']],
    ['folder = "Jazz shelf"', ['folder', '=', 'Jazz shelf']],
    ['format = 7"', undefined],
    ['release = "say \\"hi\\" \\\\ \\u00e9"', ['release', '=', 'say "hi" \\ é']],
    ['release = "and"', ['release', '=', 'and']],
    ['release ~ "order by"', ['release', '~', 'order by']],
    ['genre = Jazz ; drop table releases', ['genre', '=', 'Jazz ; drop table releases']],
    ['release ~ Live in Paris', ['release', '~', 'Live in Paris']],
    ['release ~ Björk', ['release', '~', 'Björk']],
    [
      'genre = Jazz and year > 1960',
      {
        and: [
          ['genre', '=', 'Jazz'],
          ['year', '>', 1960],
        ],
      },
    ],
    [
      'genre = Jazz or genre = Blues',
      {
        or: [
          ['genre', '=', 'Jazz'],
          ['genre', '=', 'Blues'],
        ],
      },
    ],
    [
      'genre = Jazz or genre = Blues and year > 1960',
      {
        or: [
          ['genre', '=', 'Jazz'],
          {
            and: [
              ['genre', '=', 'Blues'],
              ['year', '>', 1960],
            ],
          },
        ],
      },
    ],
    [
      '(genre = Jazz or genre = Blues) and year > 1960',
      {
        and: [
          {
            or: [
              ['genre', '=', 'Jazz'],
              ['genre', '=', 'Blues'],
            ],
          },
          ['year', '>', 1960],
        ],
      },
    ],
    ['not genre = Jazz and year > 1960', { and: [{ not: ['genre', '=', 'Jazz'] }, ['year', '>', 1960]] }],
    [
      'not (genre = Jazz and year > 1960)',
      {
        not: {
          and: [
            ['genre', '=', 'Jazz'],
            ['year', '>', 1960],
          ],
        },
      },
    ],
    ['not not genre = Jazz', { not: { not: ['genre', '=', 'Jazz'] } }],
    [
      'genre = Jazz AND year > 1960',
      {
        and: [
          ['genre', '=', 'Jazz'],
          ['year', '>', 1960],
        ],
      },
    ],
    ['where genre = Jazz', ['genre', '=', 'Jazz']],
    ['', undefined],
    ['   ', undefined],
    ['genre\n=\tJazz', ['genre', '=', 'Jazz']],
  ];

  it.each(cases.filter(([text]) => text !== 'format = 7"'))('%s', (text, expected) => {
    expect(filterOf(text)).toEqual(expected);
  });

  it('keeps a double quote inside a bare word when it ends the query', () => {
    // 7" is a format size; the quote opens a string that never closes, so it must be quoted.
    expect(errorOf('format = 7"').column).toBe(11);
    expect(filterOf("format = '7\"'")).toEqual(['format', '=', '7"']);
  });

  it('keeps an injection attempt as one plain value', () => {
    expect(filterOf(`title = "x' ; drop table releases; --"`)).toEqual([
      'release',
      '=',
      "x' ; drop table releases; --",
    ]);
    expect(filterOf(`artist = "Robert'); DROP TABLE artists;--"`)).toEqual([
      'artist',
      '=',
      "Robert'); DROP TABLE artists;--",
    ]);
  });
});

describe('parseQuery: clauses', () => {
  it('reads the product brief example', () => {
    const query = parseQuery(
      'genre = Jazz and year in 1960..1969 and not style ~ fusion order by year limit 50',
    );
    expect(shape(query.filter)).toEqual({
      and: [['genre', '=', 'Jazz'], ['year', 'in', [[1960, 1969]]], { not: ['style', '~', 'fusion'] }],
    });
    expect(query.orderBy).toEqual([{ target: { kind: 'field', field: 'year' }, direction: 'asc' }]);
    expect(query.limit).toBe(50);
    expect(query.aggregates).toEqual([]);
  });

  it('orders by several keys with directions', () => {
    const query = parseQuery('order by year desc, artist asc, release');
    expect(
      query.orderBy.map((key) => [key.target.kind === 'field' && key.target.field, key.direction]),
    ).toEqual([
      ['year', 'desc'],
      ['artist', 'asc'],
      ['release', 'asc'],
    ]);
    expect(query.filter).toBeUndefined();
  });

  it('counts each group when group by has no aggregates', () => {
    const query = parseQuery('genre = Jazz group by decade');
    expect(query.aggregates).toEqual([{ fn: 'count', label: 'count' }]);
    expect(query.groupBy).toEqual(['decade']);
  });

  it('reads aggregates before where', () => {
    const query: Query = parseQuery(
      'count, min(year), max(year), avg(rating), sum(duration), count(country) where genre = Jazz group by decade, style order by count desc limit 5',
    );
    expect(query.aggregates.map((aggregate) => aggregate.label)).toEqual([
      'count',
      'min(year)',
      'max(year)',
      'avg(rating)',
      'sum(duration)',
      'count(country)',
    ]);
    expect(query.groupBy).toEqual(['decade', 'style']);
    expect(query.orderBy[0]).toEqual({
      target: { kind: 'aggregate', aggregate: { fn: 'count', label: 'count' } },
      direction: 'desc',
    });
    expect(query.limit).toBe(5);
  });

  it.each(['count', 'count()', 'count(*)', 'COUNT'])('reads %s as a count of releases', (text) => {
    expect(parseQuery(text).aggregates).toEqual([{ fn: 'count', label: 'count' }]);
  });

  it('orders groups by a group field or an aggregate not listed', () => {
    const query = parseQuery('group by genre order by genre desc, avg(year)');
    expect(query.orderBy.map((key) => key.target)).toEqual([
      { kind: 'field', field: 'genre' },
      { kind: 'aggregate', aggregate: { fn: 'avg', field: 'year', label: 'avg(year)' } },
    ]);
  });

  it('reads limit 0 and a limit alone', () => {
    expect(parseQuery('limit 0').limit).toBe(0);
    expect(parseQuery('genre = Jazz limit 10').limit).toBe(10);
  });
});

describe('parseQuery: errors point at the mistake', () => {
  const cases: [query: string, column: number, reason: string][] = [
    ['genra = Jazz', 1, 'unknown field "genra" (did you mean genre?)'],
    ['titel = x', 1, 'did you mean release?'],
    ['yaer > 1960', 1, 'did you mean year?'],
    ['colour = red', 1, 'unknown field "colour"'],
    ['genre = Jazz and yaer > 1960', 18, 'did you mean year?'],
    ['genre Jazz', 7, 'expected an operator after genre'],
    ['genre =', 8, 'expected a value for genre, not the end of the query'],
    ['genre = and year = 1', 9, 'expected a value for genre'],
    ['genre = Jazz and', 17, 'expected a field name'],
    ['genre = Jazz or or year = 1', 17, 'expected a field name'],
    ['and genre = Jazz', 1, 'expected a field name'],
    ['"genre" = Jazz', 1, 'expected a field name such as genre, year or artist, not the text "genre"'],
    ['genre = Jazz year > 1960', 14, 'missing "and" or "or" before year?'],
    ['(genre = Jazz', 1, 'this parenthesis is never closed'],
    ['genre = Jazz)', 13, 'this ")" closes no "("'],
    ['()', 2, 'expected a condition inside the parentheses'],
    ['(genre = Jazz year = 1)', 15, 'expected and, or or ")"'],
    ['year > abc', 8, 'year takes a number such as 1969, not "abc"'],
    ['year = 1960s', 8, 'year takes a number'],
    ['decade = sixties', 10, 'decade takes a number such as 1960 or 1960s'],
    ['rating > "four"', 10, 'rating takes a number'],
    ['added >= 2024-13-01', 10, 'dates are written 2024-03-31'],
    ['added >= 2023-02-29', 10, 'dates are written'],
    ['added >= yesterday', 10, 'dates are written'],
    ['duration > 3:75', 12, 'durations are written 3:30'],
    ['duration > long', 12, 'durations are written'],
    ['year ~ 196', 6, '~ compares text, and year is a number'],
    ['added !~ 2024', 7, '!~ compares text, and added is a date'],
    ['year > 1960..1969', 12, 'a range needs = or in, not >'],
    ['genre = Jazz..Rock', 13, 'ranges need numbers or dates, and genre is text'],
    ['year in 1960', 13, 'expected ".." (a range such as 1960..1969)'],
    ['year in ()', 10, 'expected a value for year'],
    ['year in (1960, )', 16, 'expected a value for year'],
    ['genre in (Jazz Blues', 21, 'expected "," or ")"'],
    ['year in 1960..', 15, 'expected a value for year, not the end of the query'],
    ['release = "never closed', 11, 'this double quote is never closed'],
    ["release = 'never closed", 11, 'this single quote is never closed'],
    ['release = "bad \\q escape"', 16, 'unknown escape "\\q"'],
    ['release = "bad \\u12"', 16, 'a \\u escape needs four hex digits'],
    ['genre = Jazz order by', 22, 'expected a field name'],
    ['release ~ limit', 11, 'expected a value for release (quote text that holds keywords), not "limit"'],
    ['genre = Jazz limit', 19, 'expected a whole number after limit'],
    ['limit ten', 7, 'expected a whole number after limit'],
    ['limit -5', 7, 'expected a whole number after limit'],
    ['limit 2.5', 7, 'expected a whole number after limit'],
    ['limit 5 6', 9, 'expected group by, order by, limit or the end of the query'],
    ['order by year group by genre', 15, 'clauses go in this order'],
    ['order by yr', 10, 'unknown field "yr" (did you mean year?)'],
    ['order by track', 10, 'releases cannot be ordered by track'],
    ['order by count', 10, 'only a query with aggregates or group by can be ordered by an aggregate'],
    ['group by genre order by year', 25, 'order by year needs group by year'],
    ['group by duration', 10, 'cannot group by duration'],
    ['group by genre, genre', 17, 'genre is already grouped by'],
    ['avg(release)', 5, 'avg needs a number field'],
    ['sum(genre) group by style', 5, 'sum needs a number field'],
    ['min(colour)', 5, 'unknown field "colour"'],
    ['count(artist)', 7, 'count(artist) cannot be computed: a release has several of them; group by artist'],
    ['max(genre)', 5, 'max(genre) cannot be computed'],
    ['count, genre = Jazz', 8, 'expected an aggregate'],
    ['count genre = Jazz', 7, 'expected group by, order by, limit or the end of the query'],
    ['max(year where genre = Jazz', 10, 'expected ")"'],
    ['genre = Jazz ) or (year = 1', 14, 'this ")" closes no "("'],
    ['genre = = Jazz', 9, 'expected a value for genre (quote text that holds keywords), not "="'],
    ['genre & Jazz', 7, 'expected an operator after genre'],
  ];

  it.each(cases)('%s → column %i', (query, column, reason) => {
    const error = errorOf(query);
    expect(error.reason).toContain(reason);
    expect(error.column).toBe(column);
    expect(error.code).toBe('usage');
  });

  it('shows the query with a caret under the column and lists the valid fields', () => {
    const error = errorOf('genre = Jazz and yaer > 1960');
    expect(error.message.split('\n')).toEqual([
      'invalid query: unknown field "yaer" (did you mean year?) (column 18)',
      '  genre = Jazz and yaer > 1960',
      '                   ^',
      expect.stringMatching(/^valid fields: added, artist, catno, .*, year$/),
    ]);
  });

  it('counts columns in characters, not UTF-16 units, and keeps the caret aligned on one line', () => {
    const error = errorOf('release = "🎷"\nand yaer = 1');
    expect(error.column).toBe(19);
    const [, shown, caret] = error.message.split('\n');
    expect(shown).toBe('  release = "🎷" and yaer = 1');
    expect(caret?.indexOf('^')).toBe(2 + 18);
  });
});
