import { db } from "@/lib/db";
import { DozenError, TargetLimitError, describeError } from "@/lib/errors";
import type { LocalTarget, UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import { openTarball } from "@/lib/collectors/github/open-tarball";
import { collectInChild } from "@/lib/pipeline/collect-in-child";
import { RateLimitExhaustedError } from "@/lib/collectors/github/create-github-client";
import { getHeadCommit } from "@/lib/collectors/github/get-head-commit";
import { finishFannedOutScan } from "@/lib/persistence/scan-run/finish-fanned-out-scan";
import { openGitHubClient } from "@/lib/sources/kinds/github/open-github-client";
import type { RateBudget } from "@/lib/collectors/github/rate-budget";
import { recordRepositoryFailure } from "@/lib/sources/kinds/github/record-repository-failure";
import { saveRateLimit } from "@/lib/sources/kinds/github/save-rate-limit";
import { scoreRepository } from "@/lib/sources/kinds/github/score-repository";
import { GITHUB_QUEUES, scanRepositoryPayload } from "@/lib/sources/kinds/github/queues";
import { FACTS_SCHEMA_VERSION, type RepoConfigFile, type ServiceFacts } from "@/lib/facts/types";
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
 * commit was already scanned, the rules re-run on the stored facts (no download, whatever the rule
 * version); otherwise one tarball. Each service is written in its own transaction (persistTargetResult,
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
      let collected: Collected | null =
        sha === repo.scannedSha ? await storedTargets({ scanId, sourceId: scan.sourceId, fullName: repo.fullName }) : null;
      const reused = collected !== null;
      if (!collected) {
        if (signal.aborted) throw new Error("worker stopping; repository released for retry");
        // Downloaded here (the credential and the rate budget stay in the worker), read in a bounded child.
        const body = await openTarball({ client, fullName: repo.fullName, sha });
        collected = await collectInChild({ task: { kind: "tarball", fullName: repo.fullName, sha, branch }, body, signal });
      }
      const config = scoringConfigOf({ file: collected.repoConfig });
      const outcome = scoreRepository({
        targets: collected.targets,
        unmatched: collected.unmatched ?? [],
        config,
        webBaseUrl,
        fullName: repo.fullName,
        sha,
      });
      const count = outcome.services.length + outcome.failures.length;
      // The scan counted this repository as one target; a monorepo brings more, an empty repository none.
      if (!started) await expectTargets({ scanId, more: count - 1 });
      for (const result of outcome.services) {
        await persistTarget({
          scanId,
          sourceId: scan.sourceId,
          target: { kind: "repository", result, commit: sha, repoUrl: repo.htmlUrl },
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

/**
 * A repository's services as collected, or as stored. `unmatched`: its deploy declarations that joined no
 * service, with paths as the targets' (`owner/repo/…`), when the collection reports them.
 */
type Collected = { targets: LocalTarget[]; repoConfig: RepoConfigFile | null; unmatched?: UnmatchedWorkload[] };

/**
 * The latest facts of the repository's services, to re-evaluate without a download, and the declarations
 * that joined none as the source's latest finished scan recorded them; null when there are no facts.
 */
async function storedTargets(opts: { scanId: number; sourceId: number; fullName: string }): Promise<Collected | null> {
  const services = await db().service.findMany({
    where: { sourceId: opts.sourceId, goneAt: null, OR: [{ path: opts.fullName }, { path: { startsWith: `${opts.fullName}/` } }] },
    select: { name: true, path: true, latestTarget: { select: { facts: true } } },
  });
  const targets: LocalTarget[] = [];
  for (const service of services) {
    const facts = service.latestTarget?.facts as ServiceFacts | null | undefined;
    // Facts of an older shape are collected again rather than judged by checks that expect the new one.
    if (!facts || facts.schemaVersion !== FACTS_SCHEMA_VERSION) return null;
    targets.push({ key: service.path, name: service.name, path: service.path, facts });
  }
  if (targets.length === 0) return null;
  const repoConfig = targets[0] && "facts" in targets[0] ? targets[0].facts.repoConfig : null;
  return { targets, repoConfig, unmatched: await storedUnmatched(opts) };
}

/** The repository's unmatched declarations in the source's latest finished scan before this one (an unchanged commit has the same). */
async function storedUnmatched(opts: { scanId: number; sourceId: number; fullName: string }): Promise<UnmatchedWorkload[]> {
  const [row] = await db().$queryRaw<{ unmatched: UnmatchedWorkload[] }[]>`
    SELECT COALESCE(jsonb_agg(e.value - 'repository'), '[]'::jsonb) AS "unmatched"
    FROM (SELECT sc."unmatched" FROM "Scan" sc WHERE sc."sourceId" = ${opts.sourceId} AND sc."id" <> ${opts.scanId}
        AND sc."status" IN ('succeeded', 'partial') ORDER BY sc."createdAt" DESC LIMIT 1) last
      CROSS JOIN LATERAL jsonb_array_elements(last."unmatched") e
    WHERE e.value ->> 'repository' = ${opts.fullName}`;
  return row?.unmatched ?? [];
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
