// npm run db – run only the embedded PostgreSQL (for `npm run web` / `npm run worker` started alone).
import path from "node:path";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";
import { startEmbeddedPostgres } from "@/lib/ops/start-embedded-postgres";
import { redactUrl } from "@/lib/text/redact-url";

const log = createLogger({ process: "db" });
const config = env();
const pg = await startEmbeddedPostgres({
  dataDir: path.join(config.DOZEN_DATA_DIR, "pg"),
  port: config.DOZEN_EMBEDDED_PG_PORT,
  onLog: (line) => log.debug({ postgres: line }),
});
for (const note of pg.notes) log.info({ dataDir: pg.dataDir }, `embedded PostgreSQL: ${note}`);
log.info({ dataDir: pg.dataDir, url: redactUrl(pg.url) }, "embedded PostgreSQL running; Ctrl-C stops it");
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    await pg.stop();
    log.info("embedded PostgreSQL stopped");
    process.exit(0);
  });
}
