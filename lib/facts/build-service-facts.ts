import type { ServiceDeploy } from "@/lib/facts/discovery/deploy-facts-of";
import { isToolDockerfile } from "@/lib/facts/discovery/not-services";
import { FACTS_SCHEMA_VERSION, type RepoConfigFile, type ServiceFacts } from "@/lib/facts/types";
import { classifyPath } from "@/lib/facts/classify-path";
import { detectLanguage } from "@/lib/facts/detect-language";
import { parseCompose } from "@/lib/facts/parse-compose";
import { parseDependencies } from "@/lib/facts/parse-dependencies";
import { findGrpcRegistrations } from "@/lib/facts/grpc-registrations";
import { parseProto } from "@/lib/facts/parse-proto";
import type { ParseSyntax } from "@/lib/facts/syntax/types";
import { isGeneratedSource, isParsedSource } from "@/lib/facts/syntax/is-parsed-source";
import { parseDockerfile } from "@/lib/facts/parse-dockerfile";
import { parseManifests } from "@/lib/facts/parse-manifests";
import { parseProcfile } from "@/lib/facts/parse-procfile";
import { rankLanguages } from "@/lib/facts/rank-languages";
import { redactSecrets } from "@/lib/facts/redact-secrets";
import { DEFAULT_MAX_SECRET_CANDIDATES } from "@/lib/facts/find-secrets";
import { splitLines } from "@/lib/facts/split-lines";
import { stripHelmTemplate } from "@/lib/facts/strip-helm-template";

/**
 * Turns what a collector read into ServiceFacts, without I/O: every text is redacted first, then the
 * parsers see the redacted lines only, so no secret value can reach textFiles, manifests, compose
 * environments or dependency data. Bad content becomes a `skipped` entry with its reason, never an
 * exception. Paths are relative to the source root; classification is relative to the service directory.
 */
export function buildServiceFacts(opts: {
  service: Pick<
    ServiceFacts["service"],
    "name" | "path" | "owners" | "ownerFrom" | "codeowners" | "declaredTier" | "tierProblems" | "repository"
  >;
  /** Every file under the service (source-root relative, POSIX). */
  files: readonly string[];
  /** The files the collector read (not excluded, not lockfiles, within limits). */
  texts: readonly { path: string; text: string }[];
  /** `files` plus lockfiles found in ancestor directories (workspaces). */
  knownPaths: ReadonlySet<string>;
  skipped: readonly { path: string; reason: string }[];
  vcs: ServiceFacts["vcs"];
  /** The source root's dozen.yaml as read, if any (redacted here like every other text). */
  repoConfig?: RepoConfigFile | null;
  /** Its share of the source's deployment graph (already redacted): what deploys it, from wherever. */
  deploy?: ServiceDeploy;
  /** Parses a (redacted) source text into syntax facts; without it, code is read as lines only. */
  parseSyntax?: ParseSyntax;
  /** Secret candidates one file may hold before the rest of it is withheld (DOZEN_FILE_MAX_SECRET_CANDIDATES). */
  maxSecretCandidates?: number;
}): ServiceFacts {
  const facts: ServiceFacts = {
    schemaVersion: FACTS_SCHEMA_VERSION,
    service: {
      ...opts.service,
      languages: [],
      ...(opts.deploy?.kind ? { kind: opts.deploy.kind } : {}),
      ...(opts.deploy ? { basis: opts.deploy.basis } : {}),
    },
    deployedBy: opts.deploy?.deployedBy ?? [],
    ...(opts.deploy?.excerpts.length ? { deployExcerpts: opts.deploy.excerpts } : {}),
    ...(opts.deploy ? { repositoryDeploys: opts.deploy.repositoryDeploys } : {}),
    files: [...new Set([...opts.files, ...(opts.deploy?.deployedBy.map((d) => d.path) ?? [])])].sort(),
    vcs: opts.vcs,
    textFiles: [],
    dockerfiles: [],
    manifests: [],
    compose: [],
    procfiles: [],
    dependencyManifests: [],
    secretCandidates: [],
    repoConfig: opts.repoConfig
      ? {
          path: opts.repoConfig.path,
          text: redactSecrets({ path: opts.repoConfig.path, lines: splitLines({ text: opts.repoConfig.text }) }).lines.join("\n"),
        }
      : null,
    skipped: [...opts.skipped],
  };
  const prefix = opts.service.path === "." ? "" : `${opts.service.path}/`;
  for (const { path, text } of [...opts.texts].sort((a, b) => byCodePoint(a.path, b.path))) {
    const { kind, excluded } = classifyPath({ path: path.startsWith(prefix) ? path.slice(prefix.length) : path });
    // The collector should not have read these; if it did, they still never become facts.
    if (excluded || kind === "lockfile") continue;
    const maxCandidates = opts.maxSecretCandidates ?? DEFAULT_MAX_SECRET_CANDIDATES;
    const { lines, candidates, withheldFrom } = redactSecrets({ path, lines: splitLines({ text }), maxCandidates });
    facts.secretCandidates.push(...candidates);
    if (withheldFrom !== undefined)
      facts.skipped.push({
        path,
        reason: `secret scan stopped after ${maxCandidates} candidates (DOZEN_FILE_MAX_SECRET_CANDIDATES): line ${withheldFrom} on withheld`,
      });
    // Key files are scanned for private keys (a committed key is a finding) but are never text facts.
    if (kind === "key") continue;
    const skip = (reason: string) => facts.skipped.push({ path, reason });
    const language = detectLanguage({ path, firstLine: lines[0] });
    if (kind === "other" && language === null) continue;
    const own = { path: path.startsWith(prefix) ? path.slice(prefix.length) : path, lines };
    const generated = language !== null && isGeneratedSource(own);
    const syntax = language !== null && isParsedSource(own) ? opts.parseSyntax?.({ path, language, text: lines.join("\n") }) : null;
    facts.textFiles.push({ path, language, lines, ...(syntax ? { syntax } : {}), ...(generated ? { generated: true as const } : {}) });
    if (kind === "dockerfile") {
      // The image its deploy config builds; a debug, test or codegen Dockerfile beside it is not the service.
      if (opts.deploy?.runtimeDockerfile ? path !== opts.deploy.runtimeDockerfile : isToolDockerfile(path)) continue;
      const { dockerfile, problems } = parseDockerfile({ path, lines });
      facts.dockerfiles.push(dockerfile);
      problems.forEach((p) => skip(`Dockerfile partly unparsed: ${p}`));
    } else if (kind === "procfile") {
      const { procfile, problems } = parseProcfile({ path, lines });
      facts.procfiles.push(procfile);
      problems.forEach((p) => skip(`Procfile partly unparsed: ${p}`));
    } else if (kind === "compose") {
      const { compose, problems } = parseCompose({ path, text: lines.join("\n") });
      if (compose) facts.compose.push(compose);
      problems.forEach((p) => skip(`invalid compose file: ${p}`));
    } else if (kind === "dependency-manifest") {
      const { manifest, problems } = parseDependencies({ path, lines, paths: opts.knownPaths });
      if (manifest) facts.dependencyManifests.push(manifest);
      problems.forEach((p) => skip(`invalid dependency manifest: ${p}`));
    } else if (kind === "yaml") {
      const helm = /(^|\/)templates\//.test(path) && text.includes("{{");
      // A chart's templates arrive rendered, with its values, through the deployment graph.
      if (helm && opts.deploy) continue;
      const { objects, problems } = parseManifests({ path, text: (helm ? stripHelmTemplate({ lines }) : lines).join("\n") });
      facts.manifests.push(...objects);
      problems.forEach((p) => skip(helm ? `helm template: ${p}` : `invalid YAML: ${p}`));
    }
  }
  if (opts.deploy) {
    const own = new Set(facts.manifests.map((m) => `${m.path}|${m.documentIndex}`));
    facts.manifests.push(...opts.deploy.objects.filter((o) => !own.has(`${o.path}|${o.documentIndex}`) || o.via));
    const composeFiles = new Set(facts.compose.map((c) => c.path));
    facts.compose.push(...opts.deploy.compose.filter((c) => !composeFiles.has(c.path)));
  }
  const protos = (opts.deploy?.protos ?? []).flatMap((p) => parseProto(p));
  if (protos.length > 0) {
    const served = findGrpcRegistrations({ services: protos.map((p) => p.name), files: facts.textFiles });
    // A proto copied into several folders declares the same service more than once: the first copy stands for it.
    const seen = new Set<string>();
    facts.grpcServices = protos.filter(
      (p) => served.has(p.name) && !seen.has(`${p.package}.${p.name}`) && seen.add(`${p.package}.${p.name}`),
    );
  }
  facts.service.languages = rankLanguages({ textFiles: facts.textFiles, manifests: facts.dependencyManifests });
  facts.skipped.sort((a, b) => byCodePoint(a.path, b.path));
  return facts;
}

// Facts are compared across scans: their order must not depend on the machine's locale.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
