import { db } from "@/lib/db";
import { settleExpectedTargets } from "@/lib/persistence/scan-run/expect-targets";
import { finishFannedOutScan } from "@/lib/persistence/scan-run/finish-fanned-out-scan";
import { recordRepositoryFailure } from "@/lib/sources/kinds/github/record-repository-failure";
import { describeFailure } from "@/lib/jobs/describe-failure";
import { GITHUB_QUEUES, scanRepositoryPayload } from "@/lib/sources/kinds/github/queues";
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
  name: GITHUB_QUEUES.scanRepositoryFailed,
  schema: scanRepositoryPayload,
  // A dead letter waits (retried with back-off, ~2 h in all) while other repository jobs of its scan still run:
  // longer than the 4 attempts of 15 min a repository job may take.
  queue: { retryLimit: 16, retryDelay: 15, retryBackoff: true, retryDelayMax: 600 },
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
    const pending = (await boss.findJobs(GITHUB_QUEUES.scanRepository, { data: { scanId } })).filter((j) => UNSETTLED.has(j.state));
    if (pending.length > 0) throw new Error(`scan ${scanId}: ${pending.length} repository jobs still unsettled; checking again later`);
    await settleExpectedTargets({ scanId });
    await finishFannedOutScan({ scanId });
  },
});
