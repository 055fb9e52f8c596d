import type { ProtoService } from "@/lib/facts/parse-proto";
import type { SyntaxFacts } from "@/lib/facts/syntax/types";

/**
 * Facts: the typed, serialisable snapshot collectors build (the only I/O) and rules judge (pure).
 * Saved with each scan so a rule change can be re-run offline.
 * Nothing in a Facts object may hold a secret value: collectors redact before facts exist.
 */

/** Bumped when stored facts change shape; older snapshots are collected again instead of re-evaluated. */
export const FACTS_SCHEMA_VERSION = 2;

export type Language = "javascript" | "typescript" | "python" | "go" | "java" | "kotlin" | "csharp" | "ruby" | "rust" | "php" | "shell";

/** A source or config file's text, secret-looking literals already redacted, line numbers preserved. */
export interface TextFile {
  /** Path relative to the source root (so evidence links work on GitHub), POSIX separators. */
  path: string;
  /** Language for source files; null for config/text files (.env, .properties, .yaml, ...). */
  language: Language | null;
  lines: string[];
  /** What its syntax tree says (comments, calls, strings, imports, annotations); absent without a grammar or in older facts. */
  syntax?: SyntaxFacts;
  /** Written by a code generator (a `Code generated … DO NOT EDIT` marker, `*.pb.go`): not the team's code to judge. */
  generated?: true;
}

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, CMD, ENTRYPOINT, USER, EXPOSE, ENV, ARG, COPY, HEALTHCHECK, ... */
  keyword: string;
  /** Raw arguments after the keyword, continuation lines joined with a space. */
  args: string;
  /** "exec" when args are a JSON array (CMD ["node","server.js"]), "shell" otherwise. */
  form: "exec" | "shell";
  /** Exec-form arguments, or the shell string as a single element. */
  argv: string[];
  lineStart: number;
  lineEnd: number;
  /** Index of the build stage (FROM) this instruction belongs to. */
  stage: number;
}

export interface DockerStage {
  index: number;
  /** Image reference as written, e.g. "node:20-alpine@sha256:..." or "builder". */
  image: string;
  tag: string | null;
  digest: string | null;
  /** Name after AS, if any. */
  alias: string | null;
  line: number;
}

export interface DockerfileFacts {
  path: string;
  stages: DockerStage[];
  instructions: DockerInstruction[];
}

/** One Kubernetes object from a manifest file (multi-document YAML split). Secret data/stringData dropped. */
export interface ManifestObject {
  path: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  lineStart: number;
  lineEnd: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | null;
  /** The parsed object (JSON-safe). Secret `data`/`stringData` values replaced by redacted previews. */
  object: Record<string, unknown>;
  /** Rendered from this Kustomize directory or Helm chart (the path is then the file to edit: base or template). */
  via?: string;
}

export interface ComposeService {
  name: string;
  image: string | null;
  build: boolean;
  /** The build's context and Dockerfile (relative to the compose file's directory, as written), when it builds. */
  buildContext?: string | null;
  buildDockerfile?: string | null;
  environment: { key: string; value: string | null; line: number }[];
  ports: string[];
  volumes: string[];
  /** A `healthcheck` that is not disabled: compose's probe. */
  healthcheck?: boolean;
  /** `user:` as written; `read_only: true`; `deploy.replicas`. */
  user?: string | null;
  readOnly?: boolean;
  replicas?: number | null;
  /** `command`/`entrypoint` in exec (list) or shell (string) form. */
  command?: { form: "exec" | "shell"; argv: string[] } | null;
  line: number;
}

export interface ComposeFacts {
  path: string;
  services: ComposeService[];
}

export interface ProcfileFacts {
  path: string;
  processes: { name: string; command: string; line: number }[];
}

export type Ecosystem = "npm" | "pip" | "poetry" | "go" | "maven" | "gradle" | "bundler" | "cargo" | "nuget" | "composer";

export interface DependencyManifest {
  path: string;
  ecosystem: Ecosystem;
  /** Path of the lockfile that pins this manifest, or null when there is none. */
  lockfile: string | null;
  dependencies: { name: string; version: string | null; line: number; dev: boolean }[];
}

/** A secret-looking literal: only its location, kind and a redacted preview are kept, never the value. */
export interface SecretCandidate {
  path: string;
  line: number;
  /** e.g. "aws-access-key", "private-key", "password-assignment", "connection-string-credentials" */
  kind: string;
  /** The variable or key name the literal was assigned to, if any. */
  name: string | null;
  /** e.g. "AKIA****", never more than 4 characters of the original. */
  preview: string;
}

/** What a service is, so each check judges only the kinds it is about. */
export type ServiceKindName = "http" | "grpc" | "worker" | "job" | "tool" | "datastore" | "static";

/** The files a repository declares its owners in, as a service page names them. */
export type OwnerFile = "catalog-info.yaml" | "CODEOWNERS" | "dozen.yaml";

/** A tier (1 most critical … 4) a service declares, and the file that says so (`services/pay/dozen.yaml`). */
export interface DeclaredTier {
  tier: 1 | 2 | 3 | 4;
  from: string;
}

/** The CODEOWNERS groups and people owning a service's folder, the file (source-relative) and line that decided. */
export interface CodeownersMatch {
  owners: string[];
  file: string;
  line: number | null;
}

/** A source root's `dozen.yaml` (or .yml/.json) as read, secret-looking literals redacted; parsed by lib/scoring. */
export interface RepoConfigFile {
  path: string;
  text: string;
}

/** A deploy declaration of the service: where it is, what it is, and how it was joined to the service. */
export interface DeployedBy {
  path: string;
  line: number;
  /** `Deployment/cart`, `compose service cart`, `Nomad task shop/cart/server`. */
  object: string;
  descriptor: "kubernetes" | "kustomize" | "helm" | "compose" | "nomad";
  link: "build-context" | "compose-service" | "image" | "chart" | "label" | "name";
  /** The Kustomize directory or Helm chart it was rendered from. */
  via: string | null;
}

/** Consecutive lines of a file, from `lineStart` (1-based). */
export interface DeployExcerpt {
  path: string;
  lineStart: number;
  lines: string[];
}

export type { ProtoService };

export interface ServiceFacts {
  schemaVersion: typeof FACTS_SCHEMA_VERSION;
  service: {
    name: string;
    /** Directory of the service relative to the source root ("." for the root itself). */
    path: string;
    languages: Language[];
    owners: string[];
    /** Where the first owner (the one that names the team) was declared; absent without owners or in older facts. */
    ownerFrom?: OwnerFile;
    /** Its CODEOWNERS match apart from the other owners, so ownership rules can map a group; absent in older facts. */
    codeowners?: CodeownersMatch;
    /** The tier its catalog-info.yaml or dozen.yaml declares; absent without one or in older facts. */
    declaredTier?: DeclaredTier;
    /** Declared tiers that were not 1–4, each in a sentence naming the file: ignored, never fatal. */
    tierProblems?: string[];
    /** The repository it lives in: `owner/name` on GitHub, the checkout's folder or the source's folder locally. */
    repository?: string;
    /** What kind of service it is (lib/facts/discovery/types.ts): http, grpc, worker, job, tool, datastore, static. */
    kind?: ServiceKindName;
    /** What made it a service: an image the repository builds, a Dockerfile, a runnable module, a deploy declaration. */
    basis?: string;
  };
  /** The deploy config that deploys it, wherever in the source it lives; its objects are in `manifests` and `compose`. */
  deployedBy: DeployedBy[];
  /**
   * The lines of its declarations in deploy files outside its folder (a `kubernetes-manifests/` document, its
   * compose service), secrets redacted, so evidence can quote the line where the fix goes. Absent in older facts.
   */
  deployExcerpts?: DeployExcerpt[];
  /**
   * How the repository deploys anything (the descriptors of all its workloads), so a check can tell "compose is
   * how this repository runs in production" from "compose is its developers' stack". Absent in older facts.
   */
  repositoryDeploys?: DeployedBy["descriptor"][];
  /** All file paths under the service (relative to the source root), capped; tests/vendor included but flagged by path. */
  files: string[];
  /** True when the service directory (or an ancestor in the source) is a git work tree / repository. */
  vcs: { kind: "git" | "none"; commit: string | null; branch: string | null };
  textFiles: TextFile[];
  dockerfiles: DockerfileFacts[];
  manifests: ManifestObject[];
  compose: ComposeFacts[];
  procfiles: ProcfileFacts[];
  dependencyManifests: DependencyManifest[];
  secretCandidates: SecretCandidate[];
  /** The scoring config at the root of the source this service was found in, so a re-evaluation weighs alike. */
  repoConfig: RepoConfigFile | null;
  /**
   * The gRPC services its code registers with a server, as the repository's `.proto` files declare them
   * (wherever they live: a shared `protos/` folder too). Absent in older facts.
   */
  grpcServices?: ProtoService[];
  /** Files skipped (too large, binary, symlink, unparseable) with the reason; shown, never fatal. */
  skipped: { path: string; reason: string }[];
}
