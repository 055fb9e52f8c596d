import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectLocalSource, type LocalTarget, type UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import type { GitHubClient } from "@/lib/collectors/github/create-github-client";
import { extractTarball, type TarballLimits } from "@/lib/collectors/github/extract-tarball";
import type { RepoConfigFile } from "@/lib/facts/types";

/**
 * Collects the services of one repository at one commit: downloads its tarball (one counted request; the
 * codeload redirect is not the API), streams it into a private temp directory under the limits, runs the
 * local collector's discovery and fact building over it (so monorepos, CODEOWNERS and secret redaction
 * behave exactly as for a local source), and removes the directory. Target paths are `<owner>/<repo>` for
 * a repository that is one service, `<owner>/<repo>/<dir>` for each service of a monorepo.
 */
export async function collectRepository(opts: {
  client: GitHubClient;
  fullName: string;
  sha: string;
  branch: string;
  limits?: Partial<TarballLimits>;
}): Promise<{
  targets: LocalTarget[];
  repoConfig: RepoConfigFile | null;
  skipped: { path: string; reason: string }[];
  /** Deploy declarations that joined no service, their paths prefixed with the repository like the targets'. */
  unmatched: UnmatchedWorkload[];
}> {
  const [owner = "", repo = ""] = opts.fullName.split("/");
  const scratch = await mkdtemp(join(tmpdir(), "dozen-gh-"));
  // The tree's folder carries the repository's name: a repository that is one service is named after it.
  const root = join(scratch, repo);
  try {
    await mkdir(root);
    const response = await opts.client.request("GET /repos/{owner}/{repo}/tarball/{ref}", {
      owner,
      repo,
      ref: opts.sha,
      request: { parseSuccessResponseBody: false },
    });
    const extracted = await extractTarball({
      body: response.data as unknown as ReadableStream<Uint8Array>,
      dir: root,
      limits: opts.limits,
    });
    const { targets, repoConfig, unmatched } = await collectLocalSource({ root });
    const vcs = { kind: "git" as const, commit: opts.sha, branch: opts.branch };
    return {
      repoConfig,
      skipped: extracted.skipped,
      unmatched: unmatched.map((w) => ({ ...w, path: `${opts.fullName}/${w.path}` })),
      targets: targets.map((t) => {
        const path = t.path === "." ? opts.fullName : `${opts.fullName}/${t.path}`;
        return "facts" in t ? { ...t, key: path, path, facts: { ...t.facts, vcs } } : { ...t, key: path, path };
      }),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
