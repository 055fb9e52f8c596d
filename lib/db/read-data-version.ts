import { db } from "@/lib/db";

/**
 * The version of everything in the database, for caches of what was rendered from it: PostgreSQL's current
 * write-ahead-log position, which every committed change moves (any table, any process: workers' scans,
 * another web replica's writes, a migration). On a read replica, the position replayed so far. It moves for
 * changes Dozen's pages do not show too (the job queue's housekeeping, other databases of the same server),
 * which only costs a render; it never stays put across a change, which would serve stale pages.
 */
export async function readDataVersion(): Promise<string> {
  const [row] = await db().$queryRaw<{ version: string }[]>`
    SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS "version"`;
  if (!row) throw new Error("PostgreSQL returned no WAL position");
  return row.version;
}
