import type { FoundationTables } from './foundation-tables.ts';
import type { BooksTables } from './tables/books.ts';
import type { PlatformTables } from './tables/platform.ts';
import type { PlaylistsTables } from './tables/playlists.ts';
import type { RecordsTables } from './tables/records.ts';

/**
 * Every table the code may query. Each area keeps its table interfaces in its own file and adds them
 * here with one more `extends`, next to the migration that creates them.
 */
export interface DatabaseSchema
  extends FoundationTables,
    BooksTables,
    RecordsTables,
    PlaylistsTables,
    PlatformTables {}
