import type { FoundationTables } from './foundation-tables.ts';

/**
 * Every table the code may query. Each area keeps its table interfaces in its own file and adds them
 * here with one more `extends`, next to the migration that creates them.
 */
export interface DatabaseSchema extends FoundationTables {}
