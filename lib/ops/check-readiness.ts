import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: "ok" | "pending" | "unknown";
  pending: string[];
  error?: string;
}

/**
 * Ready means: the database answers and every migration shipped in prisma/migrations is applied. A web
 * process started before `npm run migrate` reports not-ready instead of failing on missing tables.
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
    return { ready: false, database: "unreachable", migrations: "unknown", pending: [], error: message.split("\n")[0] };
  }
  // A literal path keeps the bundler from tracing the whole project into the server output.
  const shipped = (await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const pending = shipped.filter((name) => !applied.includes(name));
  return { ready: pending.length === 0, database: "ok", migrations: pending.length ? "pending" : "ok", pending };
}
