import path from "node:path";
import type { Logger } from "pino";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { createBoss } from "@/lib/jobs/create-boss";
import { registerSource } from "@/lib/sources/register-source";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { ROOT } from "@/lib/ops/bin-path";

/**
 * First start on an empty database: registers DOZEN_DEMO_FLEET as a local source and queues its scan, so
 * the real worker and rules score it. A database that already has a source is never touched.
 */
export async function registerDemoFleet(opts: { log: Logger }): Promise<{ registered: boolean; scanId?: number }> {
  const directory = env().DOZEN_DEMO_FLEET;
  if (directory === "off") return { registered: false };
  if ((await db().source.count()) > 0) return { registered: false };
  let source;
  try {
    source = await registerSource({
      kind: "local",
      input: { name: "demo-fleet", directory: path.resolve(ROOT, directory) },
      ifExists: "return",
    });
  } catch (error) {
    // Outside DOZEN_LOCAL_ROOTS (a deployment with a database of its own): no demo, and Dozen still starts.
    if (!(error instanceof ValidationError)) throw error;
    opts.log.warn({ directory, reason: error.message }, "demo fleet not registered");
    return { registered: false };
  }
  const boss = createBoss({ role: "web" });
  boss.on("error", (err) => opts.log.error({ err }, "pg-boss error"));
  await boss.start();
  try {
    const { scanId } = await requestScan({ boss, sourceId: source.id, trigger: "startup" });
    return { registered: true, scanId };
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
