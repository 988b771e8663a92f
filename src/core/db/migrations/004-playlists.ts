import type { Kysely } from 'kysely';

// Tables of the playlists part (see ../tables/playlists.ts). Empty until that part lands; fill it in, do not rename.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
