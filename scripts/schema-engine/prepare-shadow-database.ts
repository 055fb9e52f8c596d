import pg from "pg";
import { createDatabaseIfMissing } from "./create-database";
import { databaseName, describeDatabase, quoteIdent, schemaParam, withDatabase } from "./database-url";

// PostgreSQL truncates identifiers to 63 bytes; keep the suffix.
const MAX_BASE_LENGTH = 63 - "_shadow".length;

/**
 * The shadow database `migrate dev` replays migrations into: the configured `shadowDatabaseUrl`, or
 * `<database>_shadow` on the main server. adapter-pg's own connectToShadowDb cannot be used: it creates a
 * random database but then connects with `{ ...config, database }`, and pg lets `connectionString` win over
 * `database`, so the "shadow" pool is the main database (and migrations would be replayed into it).
 */
export function shadowDatabaseUrl(opts: { url: string; shadowDatabaseUrl?: string }): string {
  const shadow = opts.shadowDatabaseUrl ?? withDatabase(opts.url, `${databaseName(opts.url).slice(0, MAX_BASE_LENGTH)}_shadow`);
  if (describeDatabase(shadow) === describeDatabase(opts.url)) {
    throw new Error(`The shadow database ${describeDatabase(shadow)} is the main database; refusing to reset it.`);
  }
  return shadow;
}

/**
 * Creates the derived shadow database if missing (the role needs CREATEDB, as with the native engine), then
 * empties it: every migration replay must start from nothing, and a previous run may have left objects.
 */
export async function prepareShadowDatabase(opts: { url: string; shadowUrl: string; create: boolean }): Promise<void> {
  if (opts.create) await createDatabaseIfMissing({ adminUrl: opts.url, name: databaseName(opts.shadowUrl) });
  const client = new pg.Client({ connectionString: opts.shadowUrl });
  await client.connect();
  try {
    const schemas = ["public", schemaParam(opts.shadowUrl)].filter((s): s is string => !!s);
    await client.query(`
      DO $$ DECLARE s text; BEGIN
        FOR s IN SELECT nspname FROM pg_namespace
                 WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
          EXECUTE format('DROP SCHEMA %I CASCADE', s);
        END LOOP;
      END $$;
      ${[...new Set(schemas)].map((s) => `CREATE SCHEMA ${quoteIdent(s)};`).join("\n")}`);
  } finally {
    await client.end();
  }
}
