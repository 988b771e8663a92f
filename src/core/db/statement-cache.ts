import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Distinct SQL texts kept prepared; a sync uses a few dozen again and again. */
const STATEMENTS_KEPT = 200;

/**
 * The connection as Kysely sees it, handing back the statement already prepared for the same SQL.
 * Kysely prepares every query anew, and better-sqlite3 frees a statement's native memory (about
 * 80 kB for an insert of 100 rows) only when V8 collects its small JS object, which a heap with
 * room to spare may not do for minutes: a sync writing page after page grew by hundreds of MB.
 * Kysely runs one query at a time on the connection, so a statement is never in use twice.
 */
export function reusingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new LRUCache<string, SqliteStatement>({ max: STATEMENTS_KEPT });
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
