import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { collectLocalSource, type LocalTarget, type UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import { extractTarball, type TarballLimits } from "@/lib/collectors/github/extract-tarball";
import type { RepoConfigFile } from "@/lib/facts/types";

/** What collecting a repository gives: its services' facts, its dozen.yaml, what was skipped and what joined nothing. */
export interface CollectedRepository {
  targets: LocalTarget[];
  repoConfig: RepoConfigFile | null;
  skipped: { path: string; reason: string }[];
  /** Deploy declarations that joined no service, their paths prefixed with the repository like the targets'. */
  unmatched: UnmatchedWorkload[];
}

/**
 * Collects the services of one repository from its tarball's body: streams it into a private temp directory
 * under the limits, runs the local collector's discovery and fact building over it (so monorepos, CODEOWNERS
 * and secret redaction behave exactly as for a local source), and removes the directory. Target paths are
 * `<owner>/<repo>` for a repository that is one service, `<owner>/<repo>/<dir>` for each service of a monorepo.
 */
export async function collectTarball(opts: {
  body: ReadableStream<Uint8Array> | Readable;
  fullName: string;
  sha: string;
  branch: string;
  limits?: Partial<TarballLimits>;
}): Promise<CollectedRepository> {
  const repo = opts.fullName.split("/")[1] ?? "";
  const scratch = await mkdtemp(join(tmpdir(), "dozen-gh-"));
  // The tree's folder carries the repository's name: a repository that is one service is named after it.
  const root = join(scratch, repo);
  try {
    await mkdir(root);
    const extracted = await extractTarball({ body: opts.body, dir: root, limits: opts.limits });
    const { targets, repoConfig, unmatched } = await collectLocalSource({ root });
    const vcs = { kind: "git" as const, commit: opts.sha, branch: opts.branch };
    return {
      repoConfig,
      skipped: extracted.skipped,
      unmatched: unmatched.map((w) => ({ ...w, path: `${opts.fullName}/${w.path}` })),
      targets: targets.map((t) => {
        const path = t.path === "." ? opts.fullName : `${opts.fullName}/${t.path}`;
        return "facts" in t
          ? { ...t, key: path, path, facts: { ...t.facts, vcs, service: { ...t.facts.service, repository: opts.fullName } } }
          : { ...t, key: path, path };
      }),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
