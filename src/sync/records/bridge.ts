import type { Bridge } from '../bridge.ts';
import type { RecordsReport } from '../report.ts';

// Placeholder until the records bridge lands (issue 15); the engine already calls it.
export const recordsBridge: Bridge<RecordsReport> = {
  name: 'records',
  configured: (config) => config.records !== undefined,
  run: async () => ({ added: 0, updated: 0, removed: 0, pending: 'the records bridge is not built yet' }),
};
