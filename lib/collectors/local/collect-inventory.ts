import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { env, toolEnv } from "@/lib/env";
import { TargetLimitError } from "@/lib/errors";
import type { RepoInventory } from "@/lib/facts/deploy-graph/inventory";
import { structureKind } from "@/lib/facts/deploy-graph/structure-files";
import { readTextFile } from "@/lib/collectors/local/read-text-file";
import { mayDescend } from "@/lib/collectors/local/walk-rules";

/** Bounds on a whole-source inventory: a hostile or huge tree fails its source with a reason, never the worker. */
export interface InventoryLimits {
  /** Files listed across the source; beyond it the source is refused (a data dump, not a codebase). */
  maxFiles: number;
  /** Structure files larger than this are listed but not read. */
  maxFileBytes: number;
  /** Total structure text read. */
  maxTotalBytes: number;
  /** Directory depth walked below the source root. */
  maxDepth: number;
  /** Time one `kubectl kustomize` may take. */
  kustomizeTimeoutMs: number;
  /** Kustomize directories rendered per source (overlays first, production first); the rest are listed as not rendered. */
  maxKustomizeRenders: number;
}

export const DEFAULT_INVENTORY_LIMITS: InventoryLimits = {
  maxFiles: 100_000,
  maxFileBytes: 512 * 1024,
  maxTotalBytes: 40 * 1024 * 1024,
  maxDepth: 12,
  kustomizeTimeoutMs: 15_000,
  maxKustomizeRenders: 8,
};

/**
 * Lists every file of a source (symlinks never followed, installed and hidden trees skipped) and reads its
 * structure files — Dockerfiles, compose and skaffold files, Kubernetes YAML, Helm charts, Kustomize
 * directories (rendered by the machine's `kubectl kustomize`, offline: no remote bases, no plugins), CI
 * workflows, build manifests and conventional entry points — so discovery and the deployment graph see
 * the whole repository before any service is known. Throws a TargetLimitError past `maxFiles` (DOZEN_SOURCE_MAX_FILES).
 */
export async function collectInventory(opts: { root: string; limits?: Partial<InventoryLimits> }): Promise<RepoInventory> {
  const limits = { ...DEFAULT_INVENTORY_LIMITS, maxFiles: env().DOZEN_SOURCE_MAX_FILES, ...opts.limits };
  const files: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const queue: { dir: string; depth: number }[] = [{ dir: ".", depth: 0 }];
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir === "." ? opts.root : join(opts.root, dir), { withFileTypes: true });
    } catch (error) {
      if (dir === ".") throw error;
      skipped.push({ path: dir, reason: `unreadable directory (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = dir === "." ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth < limits.maxDepth && mayDescend({ name: entry.name, purpose: "discover" })) queue.push({ dir: path, depth: depth + 1 });
      } else if (entry.isFile()) {
        files.push(path);
        if (files.length > limits.maxFiles) {
          throw new TargetLimitError(`more than ${limits.maxFiles} files in the source (DOZEN_SOURCE_MAX_FILES): not scanned`, {
            setting: "DOZEN_SOURCE_MAX_FILES",
          });
        }
      }
    }
  }
  files.sort();
  const chartDirs = new Set(
    files.filter((f) => /(^|\/)Chart\.ya?ml$/.test(f)).map((f) => (f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "")),
  );
  const texts: { path: string; text: string }[] = [];
  let total = 0;
  // A compose file's `.env` sets the variables it interpolates (`dockerfile: ${CART_DOCKERFILE}`).
  const composeDirs = new Set(files.filter((f) => structureKind({ path: f }) === "compose").map(dirOf));
  for (const path of files) {
    const dotenv = /(^|\/)\.env$/.test(path) && composeDirs.has(dirOf(path));
    if (!dotenv && structureKind({ path, chartDirs }) === null) continue;
    const read = await readTextFile({ root: opts.root, path, maxBytes: limits.maxFileBytes });
    if ("skipped" in read) {
      skipped.push({ path, reason: read.skipped });
      continue;
    }
    if (total + read.text.length > limits.maxTotalBytes) {
      skipped.push({ path, reason: "inventory text limit reached" });
      continue;
    }
    total += read.text.length;
    texts.push({ path, text: read.text });
  }
  // Components are patches for other kustomizations, not renderable alone; a test folder's kustomization is no deployment.
  const kustomizations = texts.filter(
    (t) => structureKind({ path: t.path }) === "kustomization" && !/^\s*kind:\s*Component\b/m.test(t.text) && !isTestPath(t.path),
  );
  const ranked = rankKustomizations(kustomizations);
  const rendered = await mapLimited(ranked.slice(0, limits.maxKustomizeRenders), 4, (dir) =>
    renderKustomization({ root: opts.root, dir, timeoutMs: limits.kustomizeTimeoutMs }),
  );
  for (const dir of ranked.slice(limits.maxKustomizeRenders)) {
    rendered.push({
      dir,
      text: null,
      error: `not rendered: more than ${limits.maxKustomizeRenders} Kustomize directories (the inventory's maxKustomizeRenders bound)`,
    });
  }
  return { files, texts, rendered, skipped };
}

/** `kubectl kustomize DIR`: the machine's kubectl embeds Kustomize; plugins and Helm inflation stay off. */
function renderKustomization(opts: { root: string; dir: string; timeoutMs: number }): Promise<RepoInventory["rendered"][number]> {
  return new Promise((resolve) => {
    execFile(
      "kubectl",
      ["kustomize", opts.dir === "" ? "." : opts.dir],
      { cwd: opts.root, timeout: opts.timeoutMs, maxBuffer: 32 * 1024 * 1024, windowsHide: true, env: toolEnv() },
      (error: Error | null, stdout: string | Buffer, stderr: string | Buffer) => {
        if (!error) return resolve({ dir: opts.dir, text: String(stdout) });
        const reason =
          (error as NodeJS.ErrnoException).code === "ENOENT" ? "kubectl is not installed" : cleanReason(String(stderr)) || error.message;
        resolve({ dir: opts.dir, text: null, error: reason.slice(0, 300) });
      },
    );
  });
}

/**
 * Kustomize directories in the order they are worth rendering: overlays no other kustomization builds on
 * (what is deployed) before bases (whose resources are read as plain YAML anyway), production-like names first.
 */
function rankKustomizations(files: { path: string; text: string }[]): string[] {
  const dirs = files.map((f) => dirOf(f.path));
  const referenced = new Set<string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/^\s*-\s*([\w./-]+)\s*$/gm)) {
      const target = normalise(`${dirOf(f.path)}/${m[1]}`);
      if (dirs.includes(target)) referenced.add(target);
    }
  }
  const score = (dir: string) => (referenced.has(dir) ? 2 : 0) + (/(^|\/)(prod|production)([-/]|$)/.test(dir) ? 0 : 1);
  return [...dirs].sort((a, b) => score(a) - score(b) || (a < b ? -1 : 1));
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

/** Maps with at most `limit` calls in flight, results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
    }),
  );
  return out;
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

/** kubectl's first error line without its klog prefix (`E1204 17:20:27.8 24801 run.go:72]`). */
function cleanReason(text: string): string {
  const line =
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.replace(/^[EWI]\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\] /, "");
}

function isTestPath(path: string): boolean {
  return path.split("/").some((s) => /^(tests?|e2e|testdata|examples?)$/i.test(s));
}
