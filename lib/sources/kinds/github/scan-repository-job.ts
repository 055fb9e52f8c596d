import { db } from "@/lib/db";
import { DozenError, TargetLimitError, describeError } from "@/lib/errors";
import { openTarball } from "@/lib/collectors/github/open-tarball";
import { collectInChild } from "@/lib/pipeline/collect-in-child";
import { RateLimitExhaustedError } from "@/lib/collectors/github/create-github-client";
import { getHeadCommit } from "@/lib/collectors/github/get-head-commit";
import { finishFannedOutScan } from "@/lib/persistence/scan-run/finish-fanned-out-scan";
import { openGitHubClient } from "@/lib/sources/kinds/github/open-github-client";
import type { RateBudget } from "@/lib/collectors/github/rate-budget";
import { recordRepositoryFailure } from "@/lib/sources/kinds/github/record-repository-failure";
import { saveRateLimit } from "@/lib/sources/kinds/github/save-rate-limit";
import { reuseStoredResults } from "@/lib/sources/kinds/github/reuse-stored-results";
import { scoreRepository } from "@/lib/sources/kinds/github/score-repository";
import { GITHUB_QUEUES, scanRepositoryPayload } from "@/lib/sources/kinds/github/queues";
import { scoringConfigOf } from "@/lib/pipeline/load-scoring-config";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import { persistTargetFailure } from "@/lib/persistence/persist-target-failure";
import { persistTarget } from "@/lib/persistence/persist-target";
import { expectTargets } from "@/lib/persistence/scan-run/expect-targets";
import { appendUnmatchedWorkloads } from "@/lib/persistence/scan-run/append-unmatched-workloads";
import { rulesVersion } from "@/lib/rules/rules-version";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * One repository of a GitHub scan. One conditional request for the head commit (a 304 is free); when the
 * commit was already scanned with the same rules, its stored findings are scored again (no download: stored
 * facts hold no file texts to run checks on); otherwise one tarball. Each service is written in its own transaction (persistTargetResult,
 * keyed by scan and target, so a retried job resumes). A failed attempt throws: pg-boss retries it, and the
 * last failure is recorded by scan-repository-failed (reason, next try; the services keep their scores).
 */
export const scanRepositoryJob = defineJob({
  name: GITHUB_QUEUES.scanRepository,
  schema: scanRepositoryPayload,
  // A job has one GitHub request in flight at a time, so 4 active jobs per credential group (counted by
  // pg-boss in the database, across every worker) keeps a token near GitHub's "few concurrent requests".
  groupConcurrency: 4,
  async handle({ scanId, repositoryId }, { log, signal }) {
    const scan = await db().scan.findUnique({
      where: { id: scanId },
      select: { status: true, sourceId: true, source: { select: { config: true, rateLimit: true, location: true } } },
    });
    const repo = await db().repository.findUnique({ where: { id: repositoryId } });
    if (!scan || !repo || scan.status !== "running") return log.info({ scanId, repositoryId }, "scan or repository no longer running");
    if (signal.aborted) throw new Error("worker stopping; repository released for retry");
    let budget: RateBudget | undefined;
    const prefix = { OR: [{ targetKey: repo.fullName }, { targetKey: { startsWith: `${repo.fullName}/` } }] };
    const started = (await db().scanTarget.count({ where: { scanId, ...prefix } })) > 0;
    try {
      const opened = await openGitHubClient({ source: scan.source });
      const { client, webBaseUrl } = opened;
      budget = opened.budget;
      const branch = repo.defaultBranch ?? "main";
      const head = await getHeadCommit({ client, fullName: repo.fullName, branch, etag: repo.headSha ? repo.headEtag : null });
      const sha = head.notModified ? (repo.headSha as string) : head.sha;
      if (!head.notModified) await db().repository.update({ where: { id: repo.id }, data: { headSha: sha, headEtag: head.etag } });
      // An unchanged commit judged by unchanged rules is scored again from its stored findings: no download.
      const stored =
        sha === repo.scannedSha
          ? await reuseStoredResults({
              scanId,
              sourceId: scan.sourceId,
              fullName: repo.fullName,
              scannedRulesVersion: repo.scannedRulesVersion,
            })
          : null;
      const reused = stored !== null;
      let config = stored?.config;
      let outcome = stored?.outcome;
      if (!outcome) {
        if (signal.aborted) throw new Error("worker stopping; repository released for retry");
        // Downloaded here (the credential and the rate budget stay in the worker), read in a bounded child.
        const body = await openTarball({ client, fullName: repo.fullName, sha });
        const collected = await collectInChild({ task: { kind: "tarball", fullName: repo.fullName, sha, branch }, body, signal });
        config = scoringConfigOf({ file: collected.repoConfig });
        outcome = scoreRepository({
          targets: collected.targets,
          unmatched: collected.unmatched ?? [],
          config,
          webBaseUrl,
          fullName: repo.fullName,
          sha,
        });
      }
      const count = outcome.services.length + outcome.failures.length;
      // The scan counted this repository as one target; a monorepo brings more, an empty repository none.
      if (!started) await expectTargets({ scanId, more: count - 1 });
      for (const result of outcome.services) {
        await persistTarget({
          scanId,
          sourceId: scan.sourceId,
          target: { kind: "repository", result, commit: sha, repoUrl: repo.htmlUrl },
          log,
        });
      }
      for (const failure of outcome.failures) await persistTargetFailure({ scanId, failure });
      await appendUnmatchedWorkloads({ scanId, repository: repo.fullName, workloads: outcome.unmatched });
      // A directory that no longer holds a service at this commit (a monorepo split, moved or trimmed):
      // its service is marked gone, its history kept. Reused facts are the live services themselves.
      if (!reused) {
        const seenPaths = [...outcome.services.map((s) => s.path), ...outcome.failures.map((f) => f.path)];
        await markGoneServices({ sourceId: scan.sourceId, seenPaths, within: [repo.fullName], refreshRollups: false });
      }
      await db().repository.update({
        where: { id: repo.id },
        data: {
          scannedSha: sha,
          scannedRulesVersion: rulesVersion({ custom: config?.checks }),
          status: "ok",
          lastError: null,
          failures: 0,
          retryAt: null,
          lastCheckedAt: new Date(),
        },
      });
      log.info({ scanId, repo: repo.fullName, sha: sha.slice(0, 7), services: outcome.services.length, reused }, "repository scanned");
    } catch (error) {
      if (signal.aborted) throw error;
      // A bound of the collecting process (time, memory) would only be hit again: the repository fails now,
      // once, with the bound and its setting as the reason; the scan goes on with the others.
      if (error instanceof TargetLimitError) {
        const reason = `${repo.fullName}: ${error.message}`;
        log.warn({ scanId, repo: repo.fullName, reason }, "repository failed: over a bound");
        await recordRepositoryFailure({ scanId, repositoryId, reason });
        await finishFannedOutScan({ scanId });
        return;
      }
      // pg-boss retries the job with back-off; its last failure is dead-lettered to scan-repository-failed,
      // which records the repository as failed, so every way a job can end up failed goes one way.
      const failure = new RepositoryScanError(describe(error), rateLimitReset(error));
      log.warn({ scanId, repo: repo.fullName, reason: failure.message }, "repository attempt failed");
      throw failure;
    } finally {
      if (budget) await saveRateLimit({ sourceId: scan.sourceId, budget });
    }
    await finishFannedOutScan({ scanId });
  },
});

/** A repository attempt's failure, serialised by pg-boss into the job's output (message and retryAt survive). */
export class RepositoryScanError extends DozenError {
  override name = "RepositoryScanError";
  readonly retryAt: string | undefined;
  constructor(message: string, retryAt: Date | null) {
    super(message);
    this.retryAt = retryAt?.toISOString();
  }
}

// Never GitHub's answer or a thrown message: an upstream body or an echoed header value would be stored and shown.
function describe(error: unknown): string {
  const status = (error as { status?: number }).status;
  const refused = (error as { cause?: unknown }).cause instanceof DozenError;
  return typeof status === "number" && !refused ? `GitHub answered ${status}` : describeError(error);
}

function rateLimitReset(error: unknown): Date | null {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof RateLimitExhaustedError) return cause.resetAt;
  return error instanceof RateLimitExhaustedError ? error.resetAt : null;
}
