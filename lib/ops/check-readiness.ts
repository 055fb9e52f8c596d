import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { createLogger } from "@/lib/log/logger";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: "ok" | "pending" | "unknown";
  pending: string[];
  /** A fixed sentence: the database's own message (host, user, database names) goes to the log only. */
  error?: string;
}

const log = createLogger({ process: "web" });

/**
 * Ready means: the database answers and every migration shipped in prisma/migrations is applied. A web
 * process started before `npm run migrate` reports not-ready instead of failing on missing tables. The
 * answer is public (`/api/readyz` needs no sign-in), so an unreachable database is said in fixed words and
 * its error is logged.
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: string[];
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`;
    applied = rows.map((r) => r.migration_name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The table is missing on a database that was never migrated: reachable, but not ready.
    if (/_prisma_migrations.*does not exist|relation .* does not exist/i.test(message)) {
      return { ready: false, database: "ok", migrations: "pending", pending: ["(no migrations applied)"] };
    }
    log.warn({ reason: message.split("\n")[0]?.slice(0, 300) }, "readiness: the database did not answer");
    return { ready: false, database: "unreachable", migrations: "unknown", pending: [], error: "the database did not answer" };
  }
  // A literal path keeps the bundler from tracing the whole project into the server output.
  const shipped = (await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const pending = shipped.filter((name) => !applied.includes(name));
  return { ready: pending.length === 0, database: "ok", migrations: pending.length ? "pending" : "ok", pending };
}
