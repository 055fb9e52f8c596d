import pg from "pg";
import { createDatabase } from "./create-database";
import { describeConnectionError, type KnownError } from "./describe-connection-error";

/**
 * `schema-engine cli <command>`: the one-shot commands `migrate dev` runs before its RPC session (check the
 * database exists, create it if not). They only need node-postgres, not the WASM engine. Returns the exit
 * code; failures go to stderr as the native engine's JSON log lines, which the CLI parses (it skips the
 * first line, so one is always written first).
 */
export async function runCliCommand(opts: { command: string | undefined; url: string | undefined }): Promise<number> {
  log("INFO", { message: `Starting Dozen's schema-engine bridge (cli ${opts.command})` });
  if (!opts.url) return fail({ message: "The datasource URL is not set (prisma.config.ts datasource.url)." });
  try {
    if (opts.command === "can-connect-to-database") await canConnect(opts.url);
    else if (opts.command === "create-database") await createDatabase(opts.url);
    else return fail({ message: `Unsupported command: cli ${opts.command}` });
    return 0;
  } catch (err) {
    return fail(describeConnectionError(err, opts.url));
  }
}

async function canConnect(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.end();
}

function fail(error: KnownError): number {
  log("ERROR", { is_panic: false, error_code: error.errorCode, message: error.message });
  return 1;
}

function log(level: "INFO" | "ERROR", fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" })}\n`);
}
