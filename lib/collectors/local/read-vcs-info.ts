import { execFile } from "node:child_process";
import type { ServiceFacts } from "@/lib/facts/types";

/**
 * Whether `dir` is inside a git work tree, and its HEAD commit and branch. Runs `git` directly (no shell),
 * with a timeout. Not a repository, or no git installed → `{kind: "none"}`. A repository git refuses to
 * read (another user's, "dubious ownership") is still git, with commit and branch unknown. A brand-new
 * repository without commits has no commit; a detached HEAD has no branch.
 */
export async function readVcsInfo(opts: { dir: string }): Promise<ServiceFacts["vcs"]> {
  const inside = await git(opts.dir, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside.ok) {
    return { kind: /dubious ownership/.test(inside.stderr) ? "git" : "none", commit: null, branch: null };
  }
  const commit = await git(opts.dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  const branch = await git(opts.dir, ["rev-parse", "--abbrev-ref", "HEAD"]);
  return {
    kind: "git",
    commit: commit.ok && /^[0-9a-f]{40,64}$/.test(commit.stdout) ? commit.stdout : null,
    branch: branch.ok && branch.stdout !== "HEAD" && branch.stdout !== "" ? branch.stdout : null,
  };
}

function git(dir: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("git", ["-C", dir, ...args], { timeout: 5_000, windowsHide: true }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout: String(stdout).trim(), stderr: String(stderr) });
    });
  });
}
