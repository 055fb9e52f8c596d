import type { GitHubClient } from "@/lib/collectors/github/create-github-client";
import { collectTarball, type CollectedRepository } from "@/lib/collectors/github/collect-tarball";
import type { TarballLimits } from "@/lib/collectors/github/extract-tarball";
import { openTarball } from "@/lib/collectors/github/open-tarball";

/**
 * Collects the services of one repository at one commit in this process: downloads its tarball and collects
 * it (collectTarball). Workers split the two, downloading here and collecting in a bounded child process.
 */
export async function collectRepository(opts: {
  client: GitHubClient;
  fullName: string;
  sha: string;
  branch: string;
  limits?: Partial<TarballLimits>;
}): Promise<CollectedRepository> {
  const body = await openTarball(opts);
  return collectTarball({ body, fullName: opts.fullName, sha: opts.sha, branch: opts.branch, limits: opts.limits });
}
