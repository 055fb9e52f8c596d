import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { GITHUB_QUEUES, type ScanRepositoryPayload } from "@/lib/sources/kinds/github/queues";
import { listRepositories } from "@/lib/collectors/github/list-repositories";
import { openGitHubClient } from "@/lib/sources/kinds/github/open-github-client";
import { GitHubAppCredentialsError } from "@/lib/sources/kinds/github/read-app-credentials";
import { saveRateLimit, type StoredRateLimit } from "@/lib/sources/kinds/github/save-rate-limit";
import { credentialGroup } from "@/lib/sources/kinds/github/credential-group";
import { selectRepositories } from "@/lib/sources/kinds/github/select-repositories";
import { syncRepositories } from "@/lib/sources/kinds/github/sync-repositories";
import { expectTargets } from "@/lib/persistence/scan-run/expect-targets";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import type { SourceScanner } from "@/lib/sources/kinds/types";

/**
 * A GitHub organisation or user: discovers its repositories (page ETags make an unchanged listing free),
 * records them (gone ones marked, never deleted), then fans out one `scan-repository` job per repository
 * and returns; the last repository job to finish closes the scan. Re-running it (a retried job) queues
 * nothing twice: each repository job is a singleton per scan.
 */
export const scanGitHub: SourceScanner = async ({ scanId, source, boss, log }) => {
  const row = await db().source.findUniqueOrThrow({ where: { id: source.id }, select: { config: true, rateLimit: true } });
  let opened;
  try {
    opened = await openGitHubClient({ source: { ...row, location: source.location } });
  } catch (error) {
    // Nothing was fanned out and no repository touched: the previous scores stand until the next scan.
    const reason = error instanceof GitHubAppCredentialsError ? error.message : describeError(error, "invalid GitHub source config");
    await finishScan({ scanId, error: reason });
    return log.error({ scanId, reason }, "GitHub source cannot authenticate");
  }
  const stored = (row.rateLimit ?? null) as StoredRateLimit | null;
  let listing;
  try {
    listing = await listRepositories({
      client: opened.client,
      owner: source.location,
      ownerType: opened.config.ownerType,
      cache: stored?.listing,
    });
  } catch (error) {
    await saveRateLimit({ sourceId: source.id, budget: opened.budget });
    await finishScan({
      scanId,
      error: describeError(error, `listing ${source.location}'s repositories failed`),
    });
    return log.error({ scanId, reason: describeError(error) }, "GitHub discovery failed");
  }
  await saveRateLimit({ sourceId: source.id, budget: opened.budget, listing: listing.cache });
  await db().source.update({ where: { id: source.id }, data: { lastDiscoveredAt: new Date() } });
  const selected = selectRepositories({ repos: listing.repos, config: opened.config });
  const { scan: repos, gone } = await syncRepositories({ sourceId: source.id, listed: listing.repos, selected });
  log.info(
    {
      scanId,
      listed: listing.repos.length,
      selected: repos.length,
      gone,
      pagesFetched: listing.pagesFetched,
      pagesNotModified: listing.pagesNotModified,
    },
    "GitHub repositories discovered",
  );
  if (repos.length === 0) {
    await finishScan({ scanId, error: `no repositories to scan in ${source.location}` });
    return;
  }
  // Only the first attempt sets the total: a retried fan-out must not undo what finished repository jobs added.
  await expectTargets({ scanId, firstTotal: repos.length });
  for (const repo of repos) {
    const payload: ScanRepositoryPayload = { scanId, repositoryId: repo.id };
    await boss.send(GITHUB_QUEUES.scanRepository, payload, {
      singletonKey: `scan-${scanId}-repo-${repo.id}`,
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
      // A worker that dies holding the job (no heartbeat for DOZEN_JOB_HEARTBEAT_SECONDS) frees its slot and
      // retries it long before expiry.
      heartbeatSeconds: env().DOZEN_JOB_HEARTBEAT_SECONDS,
      // One group per credential: pg-boss runs at most scanRepositoryJob.groupConcurrency of them at once.
      group: { id: credentialGroup({ config: opened.config, owner: source.location }) },
      // The last failure (error, expiry or a dead worker) lands there and is recorded, closing the scan.
      deadLetter: GITHUB_QUEUES.scanRepositoryFailed,
    });
  }
};
