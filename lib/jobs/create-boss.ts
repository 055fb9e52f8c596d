import "server-only";
import { PgBoss } from "pg-boss";
import { databaseUrl } from "@/lib/db";

/**
 * A pg-boss instance for one process role. Only the admin command (`npm run migrate`) installs or
 * upgrades pg-boss's schema; web and workers start without migrating, like they do for Prisma.
 * Only workers run the cron scheduler and maintenance, so a web process never runs jobs.
 */
export function createBoss(opts: { role: "admin" | "web" | "worker"; url?: string }): PgBoss {
  const admin = opts.role === "admin";
  return new PgBoss({
    connectionString: opts.url ?? databaseUrl(),
    application_name: `dozen-${opts.role}`,
    max: opts.role === "web" ? 2 : 5,
    migrate: admin,
    createSchema: admin,
    supervise: opts.role === "worker",
    schedule: opts.role === "worker",
  });
}
