import { type Candidate, chooseMatch, type MatchDecision, type WantedTrack } from './matching/score.ts';
import { words } from './matching/text.ts';
import type { SearchPort } from './search-port.ts';

/** An album search pays off only when it can settle several tracks at once. */
const ALBUM_SEARCH_MIN_TRACKS = 3;
/** Album searches tried before judging whether they pay off in this build. */
const ALBUM_TRIAL = 4;
/** Below this share of album searches that settle something, a build stops making them. */
const ALBUM_MIN_HIT_RATE = 0.25;

export function trackKey(track: Pick<WantedTrack, 'releaseId' | 'position'>): string {
  return `${track.releaseId}:${track.position}`;
}

/**
 * "title artist" with no more artist words than title words: a search engine that wants half of
 * the words to match then still finds an upload whose uploader is not the artist (a label's).
 */
export function trackQuery(title: string, artist: string): string {
  const titleWords = words(title);
  const artistWords = words(artist)
    .filter((word) => word !== 'the')
    .slice(0, Math.max(1, titleWords.length));
  return [...titleWords, ...artistWords].join(' ');
}

/** Whether album searches still pay off in this build (they settle several tracks per search, or not). */
export class AlbumSearchBudget {
  private tries = 0;
  private hits = 0;

  worthTrying(): boolean {
    return this.tries < ALBUM_TRIAL || this.hits / this.tries >= ALBUM_MIN_HIT_RATE;
  }

  record(settled: number): void {
    this.tries += 1;
    if (settled >= 2) this.hits += 1;
  }
}

/**
 * Matches the still-unknown tracks of one release, cheapest first: one album search that may settle
 * the whole release, then one track search per remaining track. A track is done as soon as it is accepted. An upload given to one
 * track is not offered to another track of the release.
 */
export async function matchRelease(
  release: { title: string; artists: readonly string[] },
  tracks: readonly WantedTrack[],
  search: SearchPort,
  albums: AlbumSearchBudget = new AlbumSearchBudget(),
): Promise<Map<string, MatchDecision>> {
  const results = new Map<string, MatchDecision>();
  const taken = new Set<string>();
  const artist = release.artists[0] ?? tracks[0]?.artists[0] ?? '';

  if (tracks.length >= ALBUM_SEARCH_MIN_TRACKS && artist && albums.worthTrying()) {
    const albumTracks = await search.albums(trackQuery(release.title, artist));
    for (const track of tracks) {
      const decision = chooseMatch(track, albumTracks, taken);
      if (decision.status === 'matched' && decision.urn) {
        results.set(trackKey(track), decision);
        taken.add(decision.urn);
      }
    }
    albums.record(results.size);
  }

  for (const track of tracks) {
    if (results.has(trackKey(track))) continue;
    const performer = track.artists[0] ?? artist;
    // One search is enough: an upload with exactly this title matches every title word, and the
    // query never has more artist words than title words, so the search cannot leave it out.
    const candidates: Candidate[] = await search.tracks(trackQuery(track.title, performer));
    const decision = chooseMatch(track, candidates, taken);
    if (decision.status === 'matched' && decision.urn) taken.add(decision.urn);
    results.set(trackKey(track), decision);
  }
  return results;
}
