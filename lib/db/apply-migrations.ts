import type { Logger } from "pino";
import { childEnv } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { ensureQueues } from "@/lib/jobs/ensure-queues";
import { runChild } from "@/lib/process/run-child";
import { nodeBin, ROOT } from "@/lib/process/bin-path";

/**
 * The admin step (twelve-factor XII): applies Prisma's committed migrations through the official CLI,
 * then installs pg-boss's schema and queues. Web and worker processes never migrate at start.
 */
export async function applyMigrations(opts: { url: string; log: Logger }): Promise<void> {
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
    await ensureQueues({ boss });
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
