import type { SoundcloudUser } from '../records/world.ts';
import type { SoundcloudCatalog } from './catalog.ts';
import { foldText, wordsOf } from './formats.ts';

/**
 * `GET /users?q=`: users whose username, full name or permalink hold every word of the query
 * (folded for case and accents; the last word may be a prefix, as one types), the username said
 * exactly first, then by following. Without `q`, every user by following.
 */
export class UserSearch {
  private readonly catalog: SoundcloudCatalog;
  private readonly words = new Map<number, Set<string>>();

  constructor(catalog: SoundcloudCatalog) {
    this.catalog = catalog;
  }

  private wordsOf(user: SoundcloudUser): Set<string> {
    let known = this.words.get(user.id);
    if (!known) {
      known = new Set([...wordsOf(user.username), ...wordsOf(user.fullName), ...wordsOf(user.permalink)]);
      this.words.set(user.id, known);
    }
    return known;
  }

  private matches(user: SoundcloudUser, words: string[]): boolean {
    const own = this.wordsOf(user);
    return words.every((word, i) => {
      if (own.has(word)) return true;
      if (i !== words.length - 1) return false;
      for (const candidate of own) if (candidate.startsWith(word)) return true;
      return false;
    });
  }

  search(query: string): SoundcloudUser[] {
    const words = wordsOf(query);
    const folded = foldText(query.trim());
    const found =
      words.length === 0 ? [...this.catalog.users] : this.catalog.users.filter((u) => this.matches(u, words));
    const exact = (user: SoundcloudUser) => (words.length > 0 && foldText(user.username) === folded ? 1 : 0);
    return found.sort((a, b) => exact(b) - exact(a) || b.followersCount - a.followersCount || a.id - b.id);
  }
}
