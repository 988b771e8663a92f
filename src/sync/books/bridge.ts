import type { Bridge } from '../bridge.ts';
import type { BooksReport } from '../report.ts';

// Placeholder until the books bridge lands (issue 14); the engine already calls it.
export const booksBridge: Bridge<BooksReport> = {
  name: 'books',
  configured: (config) => config.books !== undefined,
  run: async () => ({ users: {}, pending: 'the books bridge is not built yet' }),
};
