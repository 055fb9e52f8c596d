import type { PgBoss } from "pg-boss";
import pino from "pino";
import { db } from "@/lib/db";
import { QUEUES, scanRepositoryPayload } from "@/lib/jobs/queues";
import { requestScan } from "@/lib/scans/request-scan";
import { scanRepositoryJob } from "@/workers/jobs/scan-repository";
import { scanSourceJob } from "@/workers/jobs/scan-source";

/**
 * Runs one scan of a source in this process: the real jobs and the real database, with pg-boss's queue
 * replaced by a list drained by `concurrency` loops (the two-worker test uses real pg-boss instead).
 */
export async function runGitHubScan(opts: { sourceId: number; concurrency?: number }) {
  const queued: unknown[] = [];
  const boss = { send: async (name: string, data: unknown) => (name === QUEUES.scanRepository || name === QUEUES.scanSource ? queued.push({ name, data }) : 0, "id") } as unknown as PgBoss;
  const ctx = { boss, log: pino({ level: "silent" }), signal: new AbortController().signal };
  const { scanId } = await requestScan({ boss, sourceId: opts.sourceId, trigger: "manual" });
  queued.length = 0;
  await scanSourceJob.handle({ scanId }, ctx);
  const loop = async () => {
    for (let job = queued.shift(); job; job = queued.shift()) {
      await scanRepositoryJob.handle(scanRepositoryPayload.parse((job as { data: unknown }).data), ctx);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, loop));
  return db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { id: true, status: true, error: true, targetsDone: true, targetsTotal: true, targetsFailed: true } });
}
