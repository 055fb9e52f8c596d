import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Dozen Test",
  GIT_AUTHOR_EMAIL: "test@dozen.invalid",
  GIT_COMMITTER_NAME: "Dozen Test",
  GIT_COMMITTER_EMAIL: "test@dozen.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: tmpdir(),
};

/** A real bare repository the stand-in serves, with the work tree the test edits to push commits. */
export interface BareRepo {
  gitDir: string;
  workTree: string;
}

function git(repo: BareRepo, args: string[]): Promise<{ stdout: string }> {
  return run("git", ["--git-dir", repo.gitDir, "--work-tree", repo.workTree, ...args], { env: GIT_ENV });
}

/**
 * Creates a bare repository under `root` whose first commit on `main` holds a copy of `fromDir` and/or
 * the given files. Plumbing with a separate work tree keeps it to three git processes per repository.
 */
export async function createBareRepo(opts: {
  root: string;
  name: string;
  fromDir?: string;
  files?: Record<string, string>;
}): Promise<BareRepo> {
  const repo = { gitDir: join(opts.root, `${opts.name}.git`), workTree: join(opts.root, `${opts.name}.work`) };
  await mkdir(repo.workTree, { recursive: true });
  if (opts.fromDir) await cp(opts.fromDir, repo.workTree, { recursive: true });
  await writeFiles(repo.workTree, opts.files ?? {});
  await run("git", ["init", "-q", "--bare", "-b", "main", repo.gitDir], { env: GIT_ENV });
  await git(repo, ["add", "-A"]);
  await git(repo, ["commit", "-q", "-m", "initial"]);
  return repo;
}

/** Commits changed files on `main` (a push, as far as the stand-in can tell). Returns the new SHA. */
export async function commitFiles(opts: { repo: BareRepo; files: Record<string, string> }): Promise<string> {
  await writeFiles(opts.repo.workTree, opts.files);
  await git(opts.repo, ["add", "-A"]);
  await git(opts.repo, ["commit", "-q", "-m", "change"]);
  return headSha({ repo: opts.repo });
}

/** The SHA of `main`. */
export async function headSha(opts: { repo: BareRepo; ref?: string }): Promise<string> {
  const { stdout } = await run(
    "git",
    ["--git-dir", opts.repo.gitDir, "rev-parse", "--verify", "--quiet", `${opts.ref ?? "main"}^{commit}`],
    { env: GIT_ENV },
  );
  return stdout.trim();
}

/** A scratch directory for a test's repositories; remove it in `after`. */
export async function makeRepoRoot(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "dozen-gh-repos-"));
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A small generated service: a Node app reading PORT from the environment, with a Dockerfile. */
export function generatedService(opts: { name: string; port?: number }): Record<string, string> {
  const listen = opts.port ? String(opts.port) : "process.env.PORT";
  return {
    "package.json": JSON.stringify(
      { name: opts.name, version: "1.0.0", scripts: { start: "node index.js" }, dependencies: { express: "4.19.2" } },
      null,
      2,
    ),
    "package-lock.json": "{}\n",
    "index.js": `const express = require("express");\nconst app = express();\napp.get("/healthz", (_req, res) => res.send("ok"));\napp.listen(${listen});\n`,
    Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
    ".github/CODEOWNERS": "* @acme/team-platform\n",
  };
}
