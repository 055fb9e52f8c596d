import type { PgBoss } from "pg-boss";
import pino from "pino";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { GITHUB_QUEUES, scanRepositoryPayload, type ScanRepositoryPayload } from "@/lib/sources/kinds/github/queues";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { scanRepositoryJob } from "@/lib/sources/kinds/github/scan-repository-job";
import { scanRepositoryFailedJob } from "@/lib/sources/kinds/github/scan-repository-failed-job";
import { scanSourceJob } from "@/workers/jobs/scan-source";

/**
 * Runs one scan of a source in this process: the real jobs and the real database, with pg-boss's queue
 * replaced by a list drained by `concurrency` loops (the two-worker and dead-letter tests use real pg-boss).
 * A repository job that throws is treated as out of retries: its dead letter is handled at once, with the
 * error serialised the way pg-boss stores it.
 */
export async function runGitHubScan(opts: { sourceId: number; concurrency?: number }) {
  const queued: { name: string; data: unknown }[] = [];
  const running = new Set<ScanRepositoryPayload>();
  const boss = {
    send: async (name: string, data: unknown) => (
      name === GITHUB_QUEUES.scanRepository || name === QUEUES.scanSource ? queued.push({ name, data }) : 0,
      "id"
    ),
    findJobs: async () => [
      ...queued.map((j) => ({ data: j.data, state: "created" })),
      ...[...running].map((data) => ({ data, state: "active" })),
    ],
  } as unknown as PgBoss;
  const ctx = { boss, log: pino({ level: "silent" }), signal: new AbortController().signal };
  const { scanId } = await requestScan({ boss, sourceId: opts.sourceId, trigger: "manual" });
  queued.length = 0;
  await scanSourceJob.handle({ scanId }, ctx);
  const loop = async () => {
    for (let job = queued.shift(); job; job = queued.shift()) {
      const payload = scanRepositoryPayload.parse(job.data);
      running.add(payload);
      let failure: unknown;
      try {
        await scanRepositoryJob.handle(payload, ctx);
      } catch (error) {
        failure = { message: (error as Error).message, retryAt: (error as { retryAt?: string }).retryAt };
      } finally {
        running.delete(payload);
      }
      // A dead letter that throws waits for unsettled jobs; here they are the ones still queued, and the last
      // of them closes the scan, so there is nothing to retry.
      if (failure) await scanRepositoryFailedJob.handle(payload, { ...ctx, failure }).catch(() => {});
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, loop));
  return db().scan.findUniqueOrThrow({
    where: { id: scanId },
    select: { id: true, status: true, error: true, targetsDone: true, targetsTotal: true, targetsFailed: true },
  });
}
