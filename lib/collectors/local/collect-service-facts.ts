import { lstat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ServiceDeploy } from "@/lib/facts/discovery/deploy-facts-of";
import type { RepoConfigFile, ServiceFacts } from "@/lib/facts/types";
import { buildServiceFacts } from "@/lib/facts/build-service-facts";
import { findAncestorLockfiles } from "@/lib/collectors/local/find-ancestor-lockfiles";
import { readServiceTexts } from "@/lib/collectors/local/read-service-texts";
import { readVcsInfo } from "@/lib/collectors/local/read-vcs-info";
import { type CollectLimits, DEFAULT_COLLECT_LIMITS, type DiscoveredService } from "@/lib/collectors/local/types";
import { loadSyntaxParser } from "@/lib/collectors/syntax/load-syntax-parser";
import { detectLanguage } from "@/lib/facts/detect-language";
import { env } from "@/lib/env";
import { walkServiceFiles } from "@/lib/collectors/local/walk-service-files";
import { localGoReplaces } from "@/lib/facts/parse-go-mod";

/**
 * Collects one service's facts from disk: lists its files, reads those that can feed facts within the
 * limits, asks git for the commit, and hands everything to the pure `buildServiceFacts`, which redacts
 * secrets before any parser sees the text. Reads under the service directory, plus the existence of workspace
 * lockfiles above it and the build files and local Go modules outside it that its build is made of. Bad
 * content ends up in `facts.skipped`; this throws only when the service as a whole cannot be collected
 * (directory gone or unreadable, absurd file count).
 */
export async function collectServiceFacts(opts: {
  root: string;
  service: DiscoveredService;
  limits?: Partial<CollectLimits>;
  /** The source root's scoring config (read once by collectLocalSource), kept with each service's facts. */
  repoConfig?: RepoConfigFile | null;
  /** Its share of the source's deployment graph (discovery). */
  deploy?: ServiceDeploy;
}): Promise<ServiceFacts> {
  const root = resolve(opts.root);
  const limits: CollectLimits = { ...DEFAULT_COLLECT_LIMITS, abortFileCount: env().DOZEN_SERVICE_MAX_FILES, ...opts.limits };
  // A deploy-only service lives in the file that declares it (`deploy/cart.yaml`, `compose.yaml#cart`).
  const declaredIn = opts.deploy?.basis === "deploy-only" ? opts.service.path.split("#")[0]! : null;
  const servicePath = declaredIn === null ? opts.service.path : dirOf(declaredIn) || ".";
  const walked =
    declaredIn === null
      ? await walkServiceFiles({ root, servicePath, limits, exclude: opts.deploy?.nested ?? [] })
      : { files: [{ path: declaredIn, size: (await lstat(join(root, declaredIn))).size }], skipped: [] };
  const [read, ancestorLockfiles, vcs] = await Promise.all([
    readServiceTexts({ root, servicePath, files: walked.files, limits }),
    findAncestorLockfiles({ root, servicePath }),
    readVcsInfo({ dir: resolve(root, servicePath) }),
  ]);
  // The grammars of the languages it is written in, and no others.
  // Parsing is an aid: without the parser runtime the code is read as lines, and the service is still collected.
  const parseSyntax = await loadSyntaxParser({
    files: read.texts.map((t) => ({ path: t.path, language: detectLanguage({ path: t.path }) })),
  }).catch(() => undefined);
  // The `.env` its compose file reads, wherever it is: committed config of this service too.
  // And the files outside its folder its build is made of (a shared Dockerfile, the Maven parent POM).
  const dotenvs = [...(opts.deploy?.dotenvs ?? []), ...(opts.deploy?.buildFiles ?? [])].filter(
    (d) => !walked.files.some((f) => f.path === d.path),
  );
  const shared = declaredIn === null ? await readLocalModules({ root, servicePath, texts: read.texts, limits }) : null;
  const files = [...walked.files.map((f) => f.path), ...dotenvs.map((d) => d.path), ...(shared?.texts.map((t) => t.path) ?? [])];
  return buildServiceFacts({
    service: opts.service,
    files,
    texts: [...read.texts, ...dotenvs, ...(shared?.texts ?? [])],
    knownPaths: new Set([...files, ...ancestorLockfiles]),
    skipped: [...walked.skipped, ...read.skipped, ...(shared?.skipped ?? [])],
    vcs,
    repoConfig: opts.repoConfig ?? null,
    maxSecretCandidates: env().DOZEN_FILE_MAX_SECRET_CANDIDATES,
    ...(opts.deploy ? { deploy: opts.deploy } : {}),
    ...(parseSyntax ? { parseSyntax } : {}),
  });
}

/**
 * The code of the local modules the service's build compiles in as its own, outside its folder: a Go module's
 * `replace example.com/common => ../common` (Wild Workouts' services start their servers in `internal/common`).
 * Only their non-test source files, so their own manifests, Dockerfiles and dependency lists stay theirs.
 */
async function readLocalModules(opts: {
  root: string;
  servicePath: string;
  texts: readonly { path: string; text: string }[];
  limits: CollectLimits;
}): Promise<{ texts: { path: string; text: string }[]; skipped: { path: string; reason: string }[] }> {
  const prefix = opts.servicePath === "." ? "" : `${opts.servicePath}/`;
  const folders = opts.texts
    .filter((t) => t.path === `${prefix}go.mod`)
    .flatMap((t) => localGoReplaces({ path: t.path, lines: t.text.split("\n") }))
    .filter((folder) => opts.servicePath !== "." && folder !== opts.servicePath && !folder.startsWith(prefix));
  const texts: { path: string; text: string }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const folder of folders) {
    const walked = await walkServiceFiles({ root: opts.root, servicePath: folder, limits: opts.limits }).catch(() => null);
    if (!walked) {
      skipped.push({ path: folder, reason: "local module named by go.mod's replace could not be read" });
      continue;
    }
    const code = walked.files.filter((f) => f.path.endsWith(".go") && !f.path.endsWith("_test.go"));
    const read = await readServiceTexts({ root: opts.root, servicePath: folder, files: code, limits: opts.limits });
    texts.push(...read.texts);
    skipped.push(...walked.skipped, ...read.skipped);
  }
  return { texts, skipped };
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
