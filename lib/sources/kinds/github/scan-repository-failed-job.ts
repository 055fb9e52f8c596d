import { db } from "@/lib/db";
import { finishFannedOutScan } from "@/lib/sources/kinds/github/finish-fanned-out-scan";
import { recordRepositoryFailure } from "@/lib/sources/kinds/github/record-repository-failure";
import { describeFailure } from "@/lib/jobs/describe-failure";
import { QUEUES, scanRepositoryPayload } from "@/lib/jobs/queues";
import { defineJob } from "@/lib/jobs/define-job";

const UNSETTLED = new Set(["created", "retry", "active"]);

/**
 * The dead letter of a repository job that failed its last retry, however it failed: an error, a timeout
 * (pg-boss's expiry) or a worker that died holding it. pg-boss moves it here in the same transaction that
 * fails the original, so no final failure goes unrecorded. It records the repository as failed with the
 * reason (its services keep their scores) and closes the scan when every repository is accounted for, so
 * a scan never stays `running` and blocks the next one.
 */
export const scanRepositoryFailedJob = defineJob({
  name: QUEUES.scanRepositoryFailed,
  schema: scanRepositoryPayload,
  async handle({ scanId, repositoryId }, { boss, log, failure }) {
    const { reason, retryAt } = describeFailure(failure);
    const { recorded } = await recordRepositoryFailure({ scanId, repositoryId, reason, retryAt });
    if (recorded) log.warn({ scanId, repositoryId, reason }, "repository failed on its last retry");
    if ((await finishFannedOutScan({ scanId })).finished) return;
    const scan = await db().scan.findUnique({ where: { id: scanId }, select: { status: true } });
    if (scan?.status !== "running") return;
    // Other repository jobs still running close the scan themselves. When none is left and the counters
    // still fall short (a monorepo job that died after announcing its services and before writing them
    // all), every target that will ever arrive has: the scan is closed on what it holds.
    const pending = (await boss.findJobs(QUEUES.scanRepository, { data: { scanId } })).filter((j) => UNSETTLED.has(j.state));
    if (pending.length > 0) throw new Error(`scan ${scanId}: ${pending.length} repository jobs still unsettled; checking again later`);
    await db().$executeRaw`UPDATE "Scan" SET "targetsTotal" = "targetsDone" WHERE id = ${scanId} AND status = 'running' AND "targetsDone" < "targetsTotal"`;
    await finishFannedOutScan({ scanId });
  },
});
