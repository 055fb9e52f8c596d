import type { Logger } from "pino";
import pg from "pg";
import { configureDatabase, disconnectDatabase } from "@/lib/db";
import { embeddedDatabaseUrl } from "@/lib/db/embedded-database-url";
import { readEmbeddedPassword } from "@/lib/db/embedded-data-dir";
import { applyMigrations } from "@/lib/ops/apply-migrations";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/ops/start-embedded-postgres";

/**
 * Points this process's database (lib/db) where an admin command (`dozen tokens`) must act: `databaseUrl`
 * (DATABASE_URL) when given; else the embedded server `npm start` runs on `port` with its data under
 * `dataDir` (`<DOZEN_DATA_DIR>/pg`), as it is when running; else that same server started for the
 * command's duration and migrated as `npm start` would, so an admin can make a token before the first
 * start. `close()` disconnects, and stops a server it started.
 */
export async function openAdminDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  log: Logger;
}): Promise<{ url: string; startedEmbedded: boolean; close(): Promise<void> }> {
  let url = opts.databaseUrl;
  let started: EmbeddedPostgresHandle | undefined;
  if (!url) {
    const password = readEmbeddedPassword({ dataDir: opts.dataDir });
    const running = password ? embeddedDatabaseUrl({ port: opts.port, password }) : undefined;
    if (running && (await answers(running))) url = running;
    else {
      started = await startEmbeddedPostgres({
        dataDir: opts.dataDir,
        port: opts.port,
        onLog: (line) => opts.log.debug({ postgres: line }),
      });
      url = started.url;
      try {
        await applyMigrations({ url, log: opts.log });
      } catch (error) {
        await started.stop();
        throw error;
      }
    }
  }
  await configureDatabase({ url });
  return {
    url,
    startedEmbedded: started !== undefined,
    close: async () => {
      await disconnectDatabase();
      await started?.stop();
    },
  };
}

/** Whether a server answers at `url`: refused means not running; a wrong password or the like is thrown. */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "ECONNREFUSED") return false;
    throw new Error(
      `The embedded PostgreSQL on ${new URL(url).host} did not accept Dozen's password (${(error as { code?: string }).code ?? "error"})`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
