import type { Logger } from "pino";
import pg from "pg";
import { childEnv } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { ensureQueues } from "@/lib/jobs/ensure-queues";
import { QUEUES } from "@/lib/jobs/queues";
import { runChild } from "@/lib/ops/run-child";
import { nodeBin, ROOT } from "@/lib/ops/bin-path";

/**
 * The admin step (twelve-factor XII): applies Prisma's committed migrations through the official CLI,
 * then installs pg-boss's schema and the queues the web process sends to (a worker creates the queues of
 * its own jobs as it starts). Web and worker processes never migrate at start. Returns how
 * many migrations this run applied, so the caller can backfill what they added.
 */
export async function applyMigrations(opts: { url: string; log: Logger }): Promise<{ applied: number }> {
  const before = await countAppliedMigrations(opts.url);
  const prisma = runChild({
    name: "prisma",
    command: process.execPath,
    args: [nodeBin("prisma/build/index.js"), "migrate", "deploy"],
    env: childEnv({ DATABASE_URL: opts.url }),
    cwd: ROOT,
    log: opts.log,
  });
  const code = await prisma.exited;
  if (code !== 0) throw new Error(`prisma migrate deploy failed with exit code ${code}`);
  const boss = createBoss({ role: "admin", url: opts.url });
  boss.on("error", (err) => opts.log.error({ err }, "pg-boss error"));
  await boss.start();
  try {
    await ensureQueues({ boss, jobs: Object.values(QUEUES).map((name) => ({ name })) });
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  return { applied: (await countAppliedMigrations(opts.url)) - before };
}

/** Finished, not rolled back rows of Prisma's migrations table; 0 before the first migration made it. */
async function countAppliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Two statements: a query naming a table that does not exist fails to parse, whatever guards it.
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`);
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
