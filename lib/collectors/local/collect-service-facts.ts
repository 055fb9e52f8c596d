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

/**
 * Collects one service's facts from disk: lists its files, reads those that can feed facts within the
 * limits, asks git for the commit, and hands everything to the pure `buildServiceFacts`, which redacts
 * secrets before any parser sees the text. Reads only under the service directory (plus the existence
 * of workspace lockfiles above it). Bad content ends up in `facts.skipped`; this throws only when the
 * service as a whole cannot be collected (directory gone or unreadable, absurd file count).
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
  const files = [...walked.files.map((f) => f.path), ...dotenvs.map((d) => d.path)];
  return buildServiceFacts({
    service: opts.service,
    files,
    texts: [...read.texts, ...dotenvs],
    knownPaths: new Set([...files, ...ancestorLockfiles]),
    skipped: [...walked.skipped, ...read.skipped],
    vcs,
    repoConfig: opts.repoConfig ?? null,
    maxSecretCandidates: env().DOZEN_FILE_MAX_SECRET_CANDIDATES,
    ...(opts.deploy ? { deploy: opts.deploy } : {}),
    ...(parseSyntax ? { parseSyntax } : {}),
  });
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
