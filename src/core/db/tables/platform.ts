/** Table interfaces of the platform part, created by migrations/005-platform.ts. */

/** The one run that may use the database now (sync, daemon, interactive, demo); at most one row. */
export interface RunLockTable {
  /** Always 1. */
  id: number;
  /** Random per acquisition; release and heartbeat only touch the row while it is still theirs. */
  owner: string;
  pid: number;
  host: string;
  /** What holds it: "sync", "daemon", "interactive", "demo". */
  command: string;
  acquired_at: number;
  /** Refreshed while the run lives; a lock whose heartbeat stopped is stale and may be taken over. */
  heartbeat_at: number;
}

export interface PlatformTables {
  run_lock: RunLockTable;
}
