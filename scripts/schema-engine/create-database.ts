import pg from "pg";
import { databaseName, quoteIdent, withDatabase } from "./database-url";

/** Creates the URL's database from the server's `postgres` maintenance database (then `template1`). */
export async function createDatabase(url: string): Promise<string> {
  const name = databaseName(url);
  let lastError: unknown;
  for (const admin of ["postgres", "template1"]) {
    try {
      await createDatabaseIfMissing({ adminUrl: withDatabase(url, admin), name });
      return name;
    } catch (err) {
      lastError = err;
      if ((err as { code?: string }).code !== "3D000") break;
    }
  }
  throw lastError;
}

/** `CREATE DATABASE` unless it exists; returns whether it created it. Safe against a concurrent creator. */
export async function createDatabaseIfMissing(opts: { adminUrl: string; name: string }): Promise<boolean> {
  const client = new pg.Client({ connectionString: opts.adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(opts.name)}`);
    return true;
  } catch (err) {
    // 42P04 duplicate_database, 23505 when two creators race on pg_database's unique index.
    if (["42P04", "23505"].includes((err as { code?: string }).code ?? "")) return false;
    throw err;
  } finally {
    await client.end();
  }
}
