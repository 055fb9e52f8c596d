// npm run migrate – apply database migrations (Prisma + pg-boss), then exit.
import { applyMigrations } from "@/lib/db/apply-migrations";
import { databaseUrl } from "@/lib/db";
import { createLogger } from "@/lib/log/logger";

const log = createLogger({ process: "migrate" });
try {
  await applyMigrations({ url: databaseUrl(), log });
  log.info("migrations applied");
  process.exit(0);
} catch (err) {
  log.fatal({ err }, "migration failed");
  process.exit(1);
}
