import type { HttpClient } from '../../core/http/index.ts';
import { type DiscogsPage, listPages } from './paging.ts';
import {
  collectionPageSchema,
  customFieldsSchema,
  type DiscogsCollectionItem,
  type DiscogsCustomField,
  type DiscogsFolder,
  type DiscogsWant,
  foldersSchema,
  wantsPageSchema,
} from './schemas.ts';

/** Folder 0 lists every instance; releases cannot be added to it. */
export const ALL_FOLDER_ID = 0;

function userPath(username: string, rest: string): string {
  return `/users/${encodeURIComponent(username)}/${rest}`;
}

/** The user's folders, folder 0 "All" included. */
export async function fetchFolders(client: HttpClient, username: string): Promise<DiscogsFolder[]> {
  const { data } = await client.request({
    path: userPath(username, 'collection/folders'),
    schema: foldersSchema,
  });
  return data.folders;
}

/** The user's custom collection fields (Media Condition, Notes...). */
export async function fetchCustomFields(client: HttpClient, username: string): Promise<DiscogsCustomField[]> {
  const { data } = await client.request({
    path: userPath(username, 'collection/fields'),
    schema: customFieldsSchema,
  });
  return data.fields;
}

export interface CollectionListing {
  folderId?: number;
  startPage?: number;
  signal?: AbortSignal;
}

/**
 * The instances of a folder (all of them by default), oldest first: new additions land on the last
 * pages, so the pages already read stay where they were.
 */
export function collectionPages(
  client: HttpClient,
  username: string,
  listing: CollectionListing = {},
): AsyncGenerator<DiscogsPage<DiscogsCollectionItem>> {
  const folderId = listing.folderId ?? ALL_FOLDER_ID;
  return listPages(client, {
    path: userPath(username, `collection/folders/${folderId}/releases`),
    schema: collectionPageSchema,
    items: (body) => body.releases,
    query: { sort: 'added', sort_order: 'asc' },
    ...(listing.startPage !== undefined ? { startPage: listing.startPage } : {}),
    ...(listing.signal ? { signal: listing.signal } : {}),
  });
}

/** The user's wantlist. */
export function wantlistPages(
  client: HttpClient,
  username: string,
  listing: Omit<CollectionListing, 'folderId'> = {},
): AsyncGenerator<DiscogsPage<DiscogsWant>> {
  return listPages(client, {
    path: userPath(username, 'wants'),
    schema: wantsPageSchema,
    items: (body) => body.wants,
    ...(listing.startPage !== undefined ? { startPage: listing.startPage } : {}),
    ...(listing.signal ? { signal: listing.signal } : {}),
  });
}
