import { ShelfsyncError } from '../../core/errors.ts';
import type { HttpClient } from '../../core/http/index.ts';
import {
  collectionPages,
  fetchCustomFields,
  fetchFolders,
  wantlistPages,
} from '../../upstream/discogs/collection.ts';
import { fetchIdentity } from '../../upstream/discogs/identity.ts';
import { MAX_PER_PAGE } from '../../upstream/discogs/paging.ts';
import type { DiscogsCollectionItem, DiscogsWant } from '../../upstream/discogs/schemas.ts';
import type { BridgeContext } from '../bridge.ts';
import type { RecordsReport } from '../report.ts';
import {
  type CollectionPagePlan,
  isEmptyPlan,
  planCollectionPage,
  planWantlistPage,
  type WantlistPagePlan,
} from './collection-plan.ts';
import { applyFieldDiff, applyFolderDiff, diffSize, fieldDiff, folderDiff } from './folder-sync.ts';
import { type ListSource, type PassResult, runListPass } from './list-pass.ts';
import { loadStoredInstances, loadStoredWants, writeInstances, writeWants } from './list-store.ts';
import { loadReleaseHashes, writeReleases } from './release-store.ts';

export interface ListCounts {
  added: number;
  updated: number;
  removed: number;
}

/** The records part of the run report: `added/updated/removed` are collection instances. */
export interface RecordsSyncReport extends RecordsReport {
  wantlist?: ListCounts & { pages: number; complete: boolean };
  folders: number;
  pages: number;
  releasesWritten: number;
  /** False when the pass was interrupted or the collection moved while paging: removals wait. */
  complete: boolean;
  resumedFromPage?: number;
  /** Write transactions committed (0 when nothing changed). */
  transactions: number;
}

function collectionSource(
  client: HttpClient,
  username: string,
  nowMs: () => number,
  signal: AbortSignal,
): ListSource<DiscogsCollectionItem, CollectionPagePlan, CollectionCount> {
  return {
    list: 'collection',
    username,
    perPage: MAX_PER_PAGE,
    pages: (startPage) => collectionPages(client, username, { startPage, signal }),
    idOf: (item) => item.instance_id,
    async plan(db, items) {
      const [instances, releaseHashes] = await Promise.all([
        loadStoredInstances(
          db,
          items.map((item) => item.instance_id),
        ),
        loadReleaseHashes(
          db,
          items.map((item) => item.id),
        ),
      ]);
      return planCollectionPage(items, { instances, releaseHashes }, nowMs());
    },
    isEmpty: isEmptyPlan,
    count: (plan) => ({
      added: plan.inserts.length,
      updated: plan.updates.length + plan.releaseOnlyUpdates,
      releases: plan.releases.length,
    }),
    async apply(trx, plan) {
      await writeReleases(trx, plan.releases);
      await writeInstances(trx, [...plan.inserts, ...plan.updates]);
    },
  };
}

function wantlistSource(
  client: HttpClient,
  username: string,
  nowMs: () => number,
  signal: AbortSignal,
): ListSource<DiscogsWant, WantlistPagePlan, WantlistCount> {
  return {
    list: 'wantlist',
    username,
    perPage: MAX_PER_PAGE,
    pages: (startPage) => wantlistPages(client, username, { startPage, signal }),
    idOf: (want) => want.id,
    async plan(db, wants) {
      const ids = wants.map((want) => want.id);
      const [stored, releaseHashes] = await Promise.all([
        loadStoredWants(db, ids),
        loadReleaseHashes(db, ids),
      ]);
      return planWantlistPage(wants, { wants: stored, releaseHashes }, nowMs());
    },
    isEmpty: isEmptyPlan,
    count: (plan) => ({
      added: plan.inserts.length,
      updated: plan.updates.length,
      releases: plan.releases.length,
    }),
    async apply(trx, plan) {
      await writeReleases(trx, plan.releases);
      await writeWants(trx, [...plan.inserts, ...plan.updates]);
    },
  };
}

type CollectionCount = 'added' | 'updated' | 'releases';
type WantlistCount = 'added' | 'updated' | 'releases';

function sum<Key extends string>(pass: PassResult<Key>, key: Key): number {
  return pass.counts[key] ?? 0;
}

/**
 * The records sync: who the token belongs to, folders and custom fields, then the collection and
 * the wantlist page by page. Never asks for single releases.
 */
export async function syncRecords(context: BridgeContext, client: HttpClient): Promise<RecordsSyncReport> {
  const records = context.config.records;
  if (!records)
    throw new ShelfsyncError('records are not configured', { code: 'config_missing', service: 'discogs' });
  const { username } = records.discogs;
  const { database, options, signal } = context;
  const nowMs = () => context.clock.now();

  const identity = await fetchIdentity(client);
  if (identity.username.toLowerCase() !== username.toLowerCase()) {
    throw new ShelfsyncError(
      `the Discogs token belongs to ${identity.username}, not to ${username}; fix records.discogs.username or the token`,
      { code: 'auth_failed', service: 'discogs' },
    );
  }
  const [folders, fields] = await Promise.all([
    fetchFolders(client, username),
    fetchCustomFields(client, username),
  ]);
  const folderChanges = await folderDiff(database.db, folders);
  const fieldChanges = await fieldDiff(database.db, fields);
  let transactions = 0;
  if (!options.dryRun && diffSize(folderChanges) + diffSize(fieldChanges) > 0) {
    await database.transaction(async (trx) => {
      await applyFolderDiff(trx, folderChanges);
      await applyFieldDiff(trx, fieldChanges);
    });
    transactions += 1;
  }

  const passOptions = {
    database,
    dryRun: options.dryRun,
    nowMs,
    signal,
    progress: (pages: number) => context.progress.phase('records', 'collection', pages, 'collection pages'),
  };
  const collection = await runListPass(collectionSource(client, username, nowMs, signal), passOptions);
  const report: RecordsSyncReport = {
    added: sum(collection, 'added'),
    updated: sum(collection, 'updated'),
    removed: collection.removed.length,
    folders: folders.filter((folder) => folder.id !== 0).length,
    pages: collection.pages,
    releasesWritten: sum(collection, 'releases'),
    complete: collection.complete,
    transactions: transactions + collection.transactions,
    ...(collection.resumedFromPage !== undefined ? { resumedFromPage: collection.resumedFromPage } : {}),
  };

  if (records.wantlist && !signal.aborted) {
    const wants = await runListPass(wantlistSource(client, username, nowMs, signal), {
      ...passOptions,
      progress: (pages: number) => context.progress.phase('records', 'wantlist', pages, 'wantlist pages'),
    });
    report.wantlist = {
      added: sum(wants, 'added'),
      updated: sum(wants, 'updated'),
      removed: wants.removed.length,
      pages: wants.pages,
      complete: wants.complete,
    };
    report.releasesWritten += sum(wants, 'releases');
    report.transactions += wants.transactions;
  }
  if (!collection.complete) {
    context.progress.note(
      'records: the collection pass did not finish; the next sync resumes it and then checks for removals',
    );
  }
  return report;
}
