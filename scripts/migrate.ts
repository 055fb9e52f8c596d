// npm run migrate – apply database migrations (Prisma + pg-boss), backfill today's rollups when a migration
// was applied to a database that holds scans, then exit.
import { applyMigrations } from "@/lib/ops/apply-migrations";
import { databaseUrl, disconnectDatabase } from "@/lib/db";
import { createLogger } from "@/lib/log/logger";
import { refreshRollupsAfterMigration } from "@/lib/rollups/refresh-rollups-after-migration";

const log = createLogger({ process: "migrate" });
try {
  const { applied } = await applyMigrations({ url: databaseUrl(), log });
  log.info({ applied }, "migrations applied");
  if (applied > 0) await refreshRollupsAfterMigration({ log });
  await disconnectDatabase();
  process.exit(0);
} catch (err) {
  log.fatal({ err }, "migration failed");
  process.exit(1);
}
