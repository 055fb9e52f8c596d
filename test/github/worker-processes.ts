import assert from "node:assert/strict";
import pino from "pino";
import { db } from "@/lib/db";
import { childEnv } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { runChild } from "@/lib/ops/run-child";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";

/** A real worker process (`workers/main.ts`) on the test's database, with a token in DOZEN_TEST_GH_TOKEN. */
export function startWorker(opts: {
  databaseUrl: string;
  name: string;
  concurrency: number;
  /** More environment for the worker (short heartbeats, tight bounds). */
  env?: Record<string, string>;
}): ReturnType<typeof runChild> {
  return runChild({
    name: opts.name,
    command: process.execPath,
    args: tsxArgs("workers/main.ts"),
    cwd: ROOT,
    log: pino({ level: "silent" }),
    env: childEnv({
      DATABASE_URL: opts.databaseUrl,
      LOG_LEVEL: "warn",
      DOZEN_WORKER_CONCURRENCY: String(opts.concurrency),
      DOZEN_TEST_GH_TOKEN: "test-token",
      ...opts.env,
    }),
  });
}

/** Queues a scan through pg-boss, as the API does. */
export async function requestScanThroughBoss(opts: {
  databaseUrl: string;
  sourceId: number;
}): Promise<{ scanId: number; alreadyRunning: boolean }> {
  const sender = createBoss({ role: "web", url: opts.databaseUrl });
  await sender.start();
  try {
    return await requestScan({ boss: sender, sourceId: opts.sourceId, trigger: "manual" });
  } finally {
    await sender.stop({ graceful: false, close: true });
  }
}

/** Waits until the workers close the scan (fails the test after `timeoutMs`). */
export async function waitForScan(opts: { scanId: number; timeoutMs?: number }) {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    const scan = await db().scan.findUniqueOrThrow({
      where: { id: opts.scanId },
      select: { id: true, status: true, error: true, targetsDone: true, targetsTotal: true, targetsFailed: true, finishedAt: true },
    });
    if (!["queued", "running"].includes(scan.status)) return scan;
    assert.ok(Date.now() < deadline, `scan still ${scan.status}: ${JSON.stringify(scan)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
