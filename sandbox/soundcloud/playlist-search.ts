import type { SoundcloudCatalog } from './catalog.ts';
import { wordsOf } from './formats.ts';
import type { StoredPlaylist } from './playlist-store.ts';

/** Field weights, as in track search: the title above the uploader's names. */
const TITLE = 3;
const OWNER = 2;

interface PlaylistWords {
  /** lastModified when the words were read: a PUT may change the title. */
  stamp: number;
  title: string[];
  titleSet: Set<string>;
  owner: Set<string>;
}

/**
 * `GET /playlists?q=`: public sets whose title or uploader holds at least half of the query's words
 * (folded for case and accents, as track search does), best first: every word matched, the title
 * as a phrase of the query, the uploader named, few title words the query did not ask for
 * ("Full Album", "highlights"), then the uploader's following. An artist's own album therefore
 * ranks above a fan's set of the same name, but both are found.
 */
export class PlaylistSearch {
  private readonly catalog: SoundcloudCatalog;
  private readonly words = new WeakMap<StoredPlaylist, PlaylistWords>();

  constructor(catalog: SoundcloudCatalog) {
    this.catalog = catalog;
  }

  private wordsOf(playlist: StoredPlaylist): PlaylistWords {
    const known = this.words.get(playlist);
    if (known && known.stamp === playlist.lastModified) return known;
    const owner = this.catalog.user(playlist.userId);
    const title = wordsOf(playlist.title);
    const words: PlaylistWords = {
      stamp: playlist.lastModified,
      title,
      titleSet: new Set(title),
      owner: new Set(owner ? [...wordsOf(owner.username), ...wordsOf(owner.fullName)] : []),
    };
    this.words.set(playlist, words);
    return words;
  }

  search(playlists: readonly StoredPlaylist[], query: string): StoredPlaylist[] {
    const words = [...new Set(wordsOf(query))];
    if (words.length === 0) return [...playlists];
    const needed = Math.ceil(words.length / 2);
    const asked = new Set(words);
    const phrase = ` ${words.join(' ')} `;
    const ranked: { playlist: StoredPlaylist; score: number; followers: number }[] = [];
    for (const playlist of playlists) {
      const fields = this.wordsOf(playlist);
      let matched = 0;
      let score = 0;
      let namesOwner = false;
      for (const word of words) {
        const inTitle = fields.titleSet.has(word);
        const inOwner = fields.owner.has(word);
        if (!inTitle && !inOwner) continue;
        matched += 1;
        score += inTitle ? TITLE : OWNER;
        if (inOwner) namesOwner = true;
      }
      if (matched < needed) continue;
      if (matched === words.length) score += 3;
      if (fields.title.length > 0 && phrase.includes(` ${fields.title.join(' ')} `)) score += 2;
      if (namesOwner) score += 1.5;
      for (const word of fields.title) if (!asked.has(word)) score -= 0.6;
      const followers = this.catalog.user(playlist.userId)?.followersCount ?? 0;
      score += 0.2 * Math.log10(followers + 1);
      ranked.push({ playlist, score, followers });
    }
    ranked.sort(
      (a, b) =>
        b.score - a.score ||
        b.followers - a.followers ||
        b.playlist.createdAt - a.playlist.createdAt ||
        a.playlist.id - b.playlist.id,
    );
    return ranked.map((entry) => entry.playlist);
  }
}
