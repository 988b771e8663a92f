import { createDiscogsClient } from '../../upstream/discogs/client.ts';
import type { Bridge } from '../bridge.ts';
import { type RecordsSyncReport, syncRecords } from './records-sync.ts';

/** Discogs collection and wantlist → the local database. */
export const recordsBridge: Bridge<RecordsSyncReport> = {
  name: 'records',
  configured: (config) => config.records !== undefined,
  async run(context) {
    const discogs = context.config.records?.discogs;
    if (!discogs) throw new Error('the records bridge ran without a records section');
    const client = context.clients.track(createDiscogsClient(discogs, { clock: context.clock }));
    return syncRecords(context, client);
  },
};
