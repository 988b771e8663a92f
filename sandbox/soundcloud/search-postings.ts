import type { SoundcloudTrack } from '../records/world.ts';
import type { SoundcloudCatalog } from './catalog.ts';
import { wordsOf } from './formats.ts';

/**
 * The inverted index behind track search: for every folded word, the tracks whose fields hold it and
 * the weight of the best field it appears in (title above uploader and artist above tags).
 *
 * A posting is one number, `track index * 4 + weight code`, so that a world of a hundred thousand
 * tracks costs one array per word instead of a million small objects.
 */

/** Weight codes in the order fields are indexed: every field weighs at most as much as the one before. */
const TITLE = 3;
const USERNAME = 2;
const METADATA_ARTIST = 2;
const TAGS = 1;
const GENRE = 1;
const LABEL = 0;
const WEIGHT_OF_CODE = [0.5, 1, 2, 3] as const;

export const postingTrack = (posting: number): number => posting >> 2;
export const postingWeight = (posting: number): number => WEIGHT_OF_CODE[posting & 3] as number;

export interface TrackPostings {
  postings: Map<string, number[]>;
  /** Every indexed word, sorted by UTF-16 code units (what `<` compares), for prefix lookups. */
  vocabulary: string[];
  vocabularyByLength: Map<number, string[]>;
}

/** `wordsOf` for texts that repeat across tracks (uploaders, tags, genres, labels): folded once each. */
class WordCache {
  private readonly known = new Map<string, string[]>();

  words(text: string | null): string[] {
    if (!text) return [];
    let words = this.known.get(text);
    if (!words) {
      words = wordsOf(text);
      this.known.set(text, words);
    }
    return words;
  }
}

export function buildTrackPostings(
  tracks: readonly SoundcloudTrack[],
  catalog: SoundcloudCatalog,
): TrackPostings {
  const postings = new Map<string, number[]>();
  const shared = new WordCache();
  tracks.forEach((track, index) => {
    const add = (words: readonly string[], code: number) => {
      for (const word of words) {
        let list = postings.get(word);
        if (!list) {
          list = [];
          postings.set(word, list);
        }
        // Fields come in falling weight order, so a word this track already posted kept its best weight.
        const last = list[list.length - 1];
        if (last === undefined || postingTrack(last) !== index) list.push(index * 4 + code);
      }
    };
    add(wordsOf(track.title), TITLE);
    add(shared.words(catalog.uploader(track).username), USERNAME);
    add(shared.words(track.metadataArtist), METADATA_ARTIST);
    add(shared.words(track.tagList), TAGS);
    add(shared.words(track.genre), GENRE);
    add(shared.words(track.labelName), LABEL);
  });
  const vocabulary = [...postings.keys()].sort();
  const vocabularyByLength = new Map<number, string[]>();
  for (const word of vocabulary) {
    const bucket = vocabularyByLength.get(word.length);
    if (bucket) bucket.push(word);
    else vocabularyByLength.set(word.length, [word]);
  }
  return { postings, vocabulary, vocabularyByLength };
}
