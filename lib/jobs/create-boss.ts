import "server-only";
import { PgBoss } from "pg-boss";
import { databaseUrl } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * A pg-boss instance for one process role. Only the admin command (`npm run migrate`) installs or
 * upgrades pg-boss's schema; web and workers start without migrating, like they do for Prisma.
 * Only workers run the cron scheduler and maintenance, so a web process never runs jobs. Their supervisor
 * looks for stale heartbeats three times per DOZEN_JOB_HEARTBEAT_SECONDS (pg-boss's default is once a
 * minute), so the job of a killed worker is failed and retried within about 1⅓ heartbeats of its last one.
 */
export function createBoss(opts: { role: "admin" | "web" | "worker"; url?: string }): PgBoss {
  const admin = opts.role === "admin";
  const supervision = Math.max(1, Math.floor(env().DOZEN_JOB_HEARTBEAT_SECONDS / 3));
  return new PgBoss({
    connectionString: opts.url ?? databaseUrl(),
    application_name: `dozen-${opts.role}`,
    max: opts.role === "web" ? 2 : 5,
    migrate: admin,
    createSchema: admin,
    supervise: opts.role === "worker",
    superviseIntervalSeconds: supervision,
    monitorIntervalSeconds: supervision,
    schedule: opts.role === "worker",
  });
}
