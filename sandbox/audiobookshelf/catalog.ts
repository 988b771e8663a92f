import type { AbsEpisode, AbsItem, AbsLibrary, AudiobookshelfWorld } from '../books/world.ts';
import { buildItemFiles, type ItemFiles } from './item-files.ts';
import { nameToLastFirst } from './names.ts';
import { indexPeople, type LibraryPeople } from './people-index.ts';

/** One library item with what the server keeps next to it (sort keys, files). */
export interface CatalogItem {
  item: AbsItem;
  library: AbsLibrary;
  /** libraryItem.authorNamesFirstLast, used for sorting. */
  authorNamesFirstLast: string;
  authorNamesLastFirst: string;
  files(): ItemFiles;
}

/** The read-only part of the server: libraries and items, indexed. Shared by every started server. */
export class AbsCatalog {
  readonly libraries: readonly AbsLibrary[];
  readonly items: readonly CatalogItem[];
  private readonly byId = new Map<string, CatalogItem>();
  private readonly librariesById = new Map<string, AbsLibrary>();
  private readonly byLibrary = new Map<string, CatalogItem[]>();
  private readonly episodes = new Map<string, { entry: CatalogItem; episode: AbsEpisode }>();
  private readonly peopleByLibrary = new Map<string, LibraryPeople>();

  constructor(world: AudiobookshelfWorld) {
    this.libraries = [...world.libraries].sort((a, b) => a.displayOrder - b.displayOrder);
    for (const library of this.libraries) {
      this.librariesById.set(library.id, library);
      this.byLibrary.set(library.id, []);
    }
    const items: CatalogItem[] = [];
    for (const item of world.items) {
      const library = this.librariesById.get(item.libraryId);
      if (!library) throw new Error(`item ${item.id} names unknown library ${item.libraryId}`);
      let files: ItemFiles | undefined;
      const names = item.mediaType === 'book' ? item.authors.map((author) => author.name) : [];
      const entry: CatalogItem = {
        item,
        library,
        authorNamesFirstLast: names.join(', '),
        authorNamesLastFirst: names.map(nameToLastFirst).join(', '),
        files: () => {
          files ??= buildItemFiles(item, library);
          return files;
        },
      };
      items.push(entry);
      this.byId.set(item.id, entry);
      this.byLibrary.get(library.id)?.push(entry);
      for (const episode of item.episodes) this.episodes.set(episode.id, { entry, episode });
    }
    this.items = items;
  }

  library(id: string): AbsLibrary | undefined {
    return this.librariesById.get(id);
  }

  item(id: string): CatalogItem | undefined {
    return this.byId.get(id);
  }

  itemsIn(libraryId: string): readonly CatalogItem[] {
    return this.byLibrary.get(libraryId) ?? [];
  }

  /** The library's authors and series, indexed on first use. */
  people(libraryId: string): LibraryPeople {
    let people = this.peopleByLibrary.get(libraryId);
    if (!people) {
      people = indexPeople(libraryId, this.itemsIn(libraryId));
      this.peopleByLibrary.set(libraryId, people);
    }
    return people;
  }

  /** Episodes are looked up by id alone, as the server does (PodcastEpisode.findByPk). */
  episode(id: string): { entry: CatalogItem; episode: AbsEpisode } | undefined {
    return this.episodes.get(id);
  }
}
