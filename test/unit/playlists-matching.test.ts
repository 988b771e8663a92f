import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  chooseMatch,
  scoreCandidate,
  type WantedTrack,
} from '../../src/sync/playlists/matching/score.ts';
import {
  dropDiscogsSuffix,
  foldText,
  namesArtist,
  splitArtists,
} from '../../src/sync/playlists/matching/text.ts';
import { parseTitle, qualifiersAgree } from '../../src/sync/playlists/matching/title.ts';

const wanted = (fields: Partial<WantedTrack> = {}): WantedTrack => ({
  releaseId: 1,
  position: 'A1',
  title: 'Blue Horizon',
  durationSeconds: 245,
  artists: ['Miles Ahead'],
  labels: ['Blue Note'],
  year: 1964,
  releaseTitle: 'Horizons',
  ...fields,
});

const upload = (fields: Partial<Candidate> = {}): Candidate => ({
  urn: 'soundcloud:tracks:1',
  title: 'Blue Horizon',
  durationMs: 246_000,
  uploader: 'Miles Ahead',
  uploaderFullName: 'Miles Ahead',
  metadataArtist: '',
  labelName: '',
  releaseYear: null,
  ...fields,
});

describe('text folding keeps every script', () => {
  it.each([
    ['Lucía', 'lucia'],
    ['Mötley Crüe', 'motley crue'],
    ['Sigur Rós', 'sigur ros'],
    ['戦場のメリークリスマス', '戦場のメリークリスマス'.normalize('NFKD').replace(/\p{M}+/gu, '')],
    ['Группа крови', 'группа крови'],
    ['  Hello,   World! ', 'hello world'],
    ['Ｆｕｌｌ Ｗｉｄｔｈ', 'full width'],
  ])('%s → %s', (input, output) => {
    expect(foldText(input)).toBe(output);
  });

  it('never turns an accented letter into a gap', () => {
    expect(foldText('Lucía')).not.toContain(' ');
    expect(foldText('Canción de Lucía')).toBe('cancion de lucia');
  });

  it('keeps Japanese titles as words to search', () => {
    expect(foldText('夜に駆ける')).not.toBe('');
  });

  it('drops Discogs "(2)" suffixes only at the end', () => {
    expect(dropDiscogsSuffix('Orion (2)')).toBe('Orion');
    expect(dropDiscogsSuffix('John Smith (12)')).toBe('John Smith');
    expect(dropDiscogsSuffix('Studio (1984) Band')).toBe('Studio (1984) Band');
  });

  it('splits credits joined by &, vs., feat., commas and "and"', () => {
    expect(splitArtists('A & B')).toEqual(['A', 'B']);
    expect(splitArtists('DJ Orion vs. The Lights')).toEqual(['DJ Orion', 'The Lights']);
    expect(splitArtists('Beyoncé feat. Jay')).toEqual(['Beyoncé', 'Jay']);
    expect(splitArtists('A, B and C')).toEqual(['A', 'B', 'C']);
  });

  it('recognises an artist behind account decorations, not a different name', () => {
    expect(namesArtist('Sigur Ros Official', ['Sigur Rós'])).toBe(true);
    expect(namesArtist('Motley Crue', ['Mötley Crüe'])).toBe(true);
    expect(namesArtist('Orion', ['Orion (2)'])).toBe(true);
    expect(namesArtist('A & B', ['B'])).toBe(true);
    expect(namesArtist('vinylrips', ['Miles Ahead'])).toBe(false);
    expect(namesArtist('Miles Ahead Quintet', ['Miles Ahead'])).toBe(false);
    expect(namesArtist('', ['Miles Ahead'])).toBe(false);
  });
});

describe('title parsing', () => {
  it.each([
    ['Blue Horizon (feat. Jay)', 'blue horizon', [], ['Jay']],
    ['Blue Horizon feat. Jay', 'blue horizon', [], ['Jay']],
    ['Blue Horizon (Remastered 2011)', 'blue horizon', [], []],
    ['Blue Horizon [HQ]', 'blue horizon', [], []],
    ['Blue Horizon (1975)', 'blue horizon', [], []],
    ['Blue Horizon (DJ Kaze Remix)', 'blue horizon', ['remix'], []],
    ['Blue Horizon (Live At Montreux)', 'blue horizon', ['live'], []],
    ['Blue Horizon (Radio Edit)', 'blue horizon', ['edit'], []],
    ['Blue Horizon - Radio Edit', 'blue horizon', ['edit'], []],
    ['Blue Horizon (Instrumental)', 'blue horizon', ['instrumental'], []],
    ['Blue Horizon (Acoustic Version)', 'blue horizon', ['acoustic'], []],
    ['Blue Horizon (Alternate Version)', 'blue horizon', ['version'], []],
    ['Blue Horizon (Hidden Track)', 'blue horizon hidden track', [], []],
    ['Part II: Blue Horizon', 'part ii blue horizon', [], []],
  ])('%s', (title, base, qualifiers, featured) => {
    const parsed = parseTitle(title);
    expect(parsed.base).toBe(base);
    expect([...parsed.qualifiers]).toEqual(qualifiers);
    expect(parsed.featured).toEqual(featured);
  });

  it('removes a leading "Artist - " only when it names an artist', () => {
    expect(parseTitle('Miles Ahead - Blue Horizon', ['Miles Ahead'])).toMatchObject({
      base: 'blue horizon',
      prefix: 'Miles Ahead',
    });
    expect(parseTitle('Rain - Sun', ['Miles Ahead']).base).toBe('rain sun');
  });

  it('requires the same versions, and the same remixer for remixes', () => {
    const agree = (a: string, b: string) => qualifiersAgree(parseTitle(a), parseTitle(b));
    expect(agree('X (Live At Y)', 'X (Live at Y)')).toBe(true);
    expect(agree('X', 'X (Live at Y)')).toBe(false);
    expect(agree('X (Radio Edit)', 'X')).toBe(false);
    expect(agree('X (Kaze Remix)', 'X (Kaze Remix)')).toBe(true);
    expect(agree('X (Kaze Remix)', 'X (Nori Remix)')).toBe(false);
    expect(agree('X (Remastered)', 'X')).toBe(true);
  });
});

describe('scoring one upload', () => {
  it("accepts the artist's own upload with the same title and duration", () => {
    expect(scoreCandidate(wanted(), upload()).verdict).toBe('accept');
  });

  it('accepts decorated titles of the own upload: feat., remastered, "Artist - Title"', () => {
    for (const title of [
      'Blue Horizon (feat. Jay)',
      'Blue Horizon (Remastered 2011)',
      'Miles Ahead - Blue Horizon',
      'MILES AHEAD - Blue Horizon (feat. Jay)',
    ])
      expect(scoreCandidate(wanted(), upload({ title })).verdict, title).toBe('accept');
  });

  it("accepts the label's upload and an upload carrying the release's label and year", () => {
    expect(
      scoreCandidate(wanted(), upload({ uploader: 'Blue Note', uploaderFullName: 'Blue Note' })).verdict,
    ).toBe('accept');
    expect(
      scoreCandidate(
        wanted({ artists: ['坂本龍一'] }),
        upload({
          uploader: 'Ryuichi Sakamoto',
          uploaderFullName: 'Ryuichi Sakamoto',
          metadataArtist: 'Ryuichi Sakamoto',
          labelName: 'Blue Note',
          releaseYear: 1964,
        }),
      ).verdict,
    ).toBe('accept');
  });

  it('rejects a cover: same title by an account whose artist field names someone else', () => {
    const cover = upload({ uploader: 'Nina Sky', uploaderFullName: 'Nina Sky', metadataArtist: 'Nina Sky' });
    expect(scoreCandidate(wanted(), cover).verdict).toBe('reject');
  });

  it('never accepts a fan re-upload, even titled "Artist - Title" with the right duration', () => {
    for (const title of ['Miles Ahead - Blue Horizon', 'Blue Horizon [HQ]', 'Blue Horizon (1964)']) {
      const verdict = scoreCandidate(
        wanted(),
        upload({ title, uploader: 'vinylrips', uploaderFullName: '' }),
      ).verdict;
      expect(verdict, title).not.toBe('accept');
    }
  });

  it('rejects other versions: live, radio edit, remix, and the plain take for a listed remix', () => {
    expect(scoreCandidate(wanted(), upload({ title: 'Blue Horizon (Live at Paradiso)' })).verdict).toBe(
      'reject',
    );
    expect(scoreCandidate(wanted(), upload({ title: 'Blue Horizon (Radio Edit)' })).verdict).toBe('reject');
    expect(scoreCandidate(wanted(), upload({ title: 'Blue Horizon (Kaze Remix)' })).verdict).toBe('reject');
    expect(
      scoreCandidate(wanted({ title: 'Blue Horizon (Kaze Remix)' }), upload({ title: 'Blue Horizon' }))
        .verdict,
    ).toBe('reject');
    expect(
      scoreCandidate(
        wanted({ title: 'Blue Horizon (Live At Montreux)' }),
        upload({ title: 'Blue Horizon (Live At Montreux)' }),
      ).verdict,
    ).toBe('accept');
  });

  it('rejects different songs with similar titles', () => {
    for (const title of [
      'Blue Horizon Part II',
      'Blue Horizons',
      'Return To Blue Horizon',
      'Red Horizon',
      'Blue',
    ])
      expect(scoreCandidate(wanted(), upload({ title })).verdict, title).toBe('reject');
  });

  it('uses the duration: within tolerance accepted, a little off uncertain, far off rejected', () => {
    expect(scoreCandidate(wanted(), upload({ durationMs: 250_000 })).verdict).toBe('accept');
    expect(scoreCandidate(wanted(), upload({ durationMs: 260_000 })).verdict).toBe('uncertain');
    expect(scoreCandidate(wanted(), upload({ durationMs: 245_000 * 0.7 })).verdict).toBe('reject');
    expect(scoreCandidate(wanted({ durationSeconds: null }), upload({ durationMs: 400_000 })).verdict).toBe(
      'accept',
    );
  });

  it("holds back the artist's upload from another release: a different label or a different year", () => {
    expect(scoreCandidate(wanted(), upload({ labelName: 'Blue Note', releaseYear: 1964 })).verdict).toBe(
      'accept',
    );
    expect(scoreCandidate(wanted(), upload({ labelName: 'Columbia', releaseYear: 1964 })).verdict).toBe(
      'uncertain',
    );
    expect(scoreCandidate(wanted(), upload({ labelName: 'Blue Note', releaseYear: 1985 })).verdict).toBe(
      'uncertain',
    );
    expect(scoreCandidate(wanted(), upload({ labelName: 'Blue Note Records' })).verdict).toBe('accept');
  });

  it('prefers the upload from this release when the artist put the same title on two', () => {
    const other = upload({ urn: 'soundcloud:tracks:5', labelName: 'Columbia', releaseYear: 1998 });
    const own = upload({ urn: 'soundcloud:tracks:6', labelName: 'Blue Note', releaseYear: 1964 });
    expect(chooseMatch(wanted({ durationSeconds: null }), [other, own])).toMatchObject({
      status: 'matched',
      urn: 'soundcloud:tracks:6',
    });
  });

  it('reads "Someone - Title" as the title when the uploader is the label', () => {
    const label = upload({
      title: 'Tatsuro Yamashita - Night Of The Spiral (Remastered 1993)',
      uploader: 'Мелодия',
      uploaderFullName: 'Мелодия',
      labelName: 'Мелодия',
      releaseYear: 1993,
    });
    expect(
      scoreCandidate(
        wanted({
          title: 'Night Of The Spiral',
          artists: ['山下達郎'],
          labels: ['Мелодия'],
          year: 1993,
          durationSeconds: null,
        }),
        label,
      ).verdict,
    ).toBe('accept');
  });

  it('marks a same-title upload by an unknown account as uncertain, not accepted', () => {
    const stranger = upload({ uploader: 'crate digger', uploaderFullName: '' });
    expect(scoreCandidate(wanted(), stranger).verdict).toBe('uncertain');
  });

  it('matches accented and non-Latin titles as they are', () => {
    expect(
      scoreCandidate(wanted({ title: 'Canción de Lucía' }), upload({ title: 'Cancion de Lucia' })).verdict,
    ).toBe('accept');
    expect(
      scoreCandidate(
        wanted({ title: '夜のドライブ', artists: ['山下達郎', 'Tatsuro Yamashita'] }),
        upload({ title: '夜のドライブ', uploader: 'Tatsuro Yamashita' }),
      ).verdict,
    ).toBe('accept');
    expect(
      scoreCandidate(
        wanted({ title: 'Группа крови', artists: ['Кино'] }),
        upload({ title: 'Группа Крови', uploader: 'Кино' }),
      ).verdict,
    ).toBe('accept');
    expect(scoreCandidate(wanted({ title: '夜のドライブ' }), upload({ title: '朝のドライブ' })).verdict).toBe(
      'reject',
    );
  });
});

describe('choosing among uploads', () => {
  it("prefers the artist's own upload to a fan's identical one", () => {
    const fan = upload({ urn: 'soundcloud:tracks:2', uploader: 'vinylrips', uploaderFullName: '' });
    const own = upload({ urn: 'soundcloud:tracks:3' });
    expect(chooseMatch(wanted(), [fan, own])).toMatchObject({
      status: 'matched',
      urn: 'soundcloud:tracks:3',
    });
  });

  it('reports uncertain with the candidate when only a stranger uploaded it', () => {
    const fan = upload({ urn: 'soundcloud:tracks:2', uploader: 'vinylrips', uploaderFullName: '' });
    expect(chooseMatch(wanted(), [fan])).toMatchObject({ status: 'uncertain', urn: 'soundcloud:tracks:2' });
  });

  it('reports missing when nothing fits, and skips uploads taken by another track', () => {
    expect(chooseMatch(wanted(), [upload({ title: 'Blue Horizons' })]).status).toBe('missing');
    expect(chooseMatch(wanted(), [upload()], new Set(['soundcloud:tracks:1'])).status).toBe('missing');
    expect(chooseMatch(wanted(), [])).toMatchObject({ status: 'missing', urn: null });
  });

  it('prefers the closer duration between two own uploads', () => {
    const far = upload({ urn: 'soundcloud:tracks:8', durationMs: 250_500 });
    const near = upload({ urn: 'soundcloud:tracks:9', durationMs: 245_200 });
    expect(chooseMatch(wanted(), [far, near]).urn).toBe('soundcloud:tracks:9');
  });
});
