import type { RepoInventory } from "@/lib/facts/deploy-graph/inventory";
import type { DeclaredWorkload, DeployGraph, ImageBuild } from "@/lib/facts/deploy-graph/types";
import { findModules } from "@/lib/facts/discovery/find-modules";
import { joinWorkloads } from "@/lib/facts/discovery/join-workloads";
import { isNotAService, isThirdPartyImage, isToolDockerfile } from "@/lib/facts/discovery/not-services";
import { ownersOf } from "@/lib/facts/discovery/owners-of";
import { serviceName } from "@/lib/facts/discovery/service-name";
import type { Discovery, FoundService, ServiceKind } from "@/lib/facts/discovery/types";
import { parseServiceDescriptor } from "@/lib/facts/parse-service-descriptor";
import { structureKind } from "@/lib/facts/deploy-graph/structure-files";

type Draft = Omit<FoundService, "name" | "owners" | "ownerFrom" | "deployedBy" | "declaredTier" | "tierProblems"> & {
  descriptorName: string | null;
};

/**
 * The services of a source: its deployable units, found from what it builds and deploys rather than from
 * folders. In order of evidence:
 * 1. images the repository builds (compose `build`, skaffold artifacts, CI build steps, Jib/Buildpacks);
 * 2. a Dockerfile beside code that nothing references (not a tool or debug image, not a base image);
 * 3. modules with their own entry point (a .NET host in an Aspire AppHost or with a web SDK, a Spring Boot
 *    application module, a Go `main` package, a workspace package with a start script) that no image covers;
 * 4. in a repository that builds nothing, each workload its deploy config runs from an image of its own
 *    (third-party images such as postgres or redis are backing services, not services);
 * 5. a folder with a Backstage Component or a named dozen.yaml, always.
 * Test suites, docs, code generators, mobile apps and tool images are never services. Each service is then
 * joined to the workloads that deploy it (joinWorkloads), named from its deploy config or its meaningful
 * folder, and given its owners. The repository root is the service only when nothing else is. Pure.
 *
 * `repoRoot` is the repository's folder within the source ("" when the source is one repository; a folder of
 * checkouts is discovered one repository at a time, so one repository's compose never joins another's code).
 */
export function discoverServices(opts: {
  inventory: Pick<RepoInventory, "files" | "texts">;
  graph: DeployGraph;
  rootName: string;
  repoRoot?: string;
}): Discovery {
  const { inventory, graph } = opts;
  const rootPath = opts.repoRoot || ".";
  const texts = new Map(inventory.texts.map((t) => [t.path, t.text]));
  const drafts = new Map<string, Draft>();
  const add = (draft: Draft) => {
    const existing = drafts.get(draft.path);
    if (existing) {
      existing.builds.push(...draft.builds.filter((b) => !existing.builds.includes(b)));
      existing.runtimeDockerfile ??= draft.runtimeDockerfile;
      existing.descriptorName ??= draft.descriptorName;
      existing.kind ??= draft.kind;
    } else drafts.set(draft.path, draft);
  };

  const modules = findModules({ files: inventory.files, texts });
  const devMounted: string[] = [];
  // 1. Images the repository builds.
  const sharedContexts = contextsShared(graph.builds);
  for (const build of graph.builds) {
    if (isNotAService(build.context) || (build.dockerfile && (isNotAService(build.dockerfile) || isToolDockerfile(build.dockerfile))))
      continue;
    if (build.dockerfile && !inventory.files.includes(build.dockerfile)) continue;
    const path = build.dockerfile ? serviceFolderOf(build, sharedContexts, inventory.files) : build.context || ".";
    if (!build.dockerfile && path === rootPath) continue;
    const devMount =
      build.via === "compose" && !hasCode(inventory.files, path) ? mountedCode(build, graph, inventory.files, modules) : undefined;
    // A dev container (no code in its context, the code mounted in): the mounted folder is the service, or none.
    if (devMount !== undefined) {
      devMounted.push(...mountedDirs(build, graph, inventory.files));
      if (devMount !== null)
        add({ path: devMount, basis: "image-build", builds: [build], runtimeDockerfile: null, kind: null, descriptorName: null });
      continue;
    }
    add({ path, basis: "image-build", builds: [build], runtimeDockerfile: build.dockerfile, kind: null, descriptorName: null });
  }
  // 2. Dockerfiles beside code that nothing references.
  const referenced = new Set(graph.builds.flatMap((b) => (b.dockerfile ? [b.dockerfile] : [])));
  for (const path of inventory.files) {
    if (!/(^|\/)(Dockerfile|Containerfile)$/.test(path) || referenced.has(path) || isNotAService(path) || isToolDockerfile(path)) continue;
    const dir = dirOf(path);
    if ([...drafts.values()].some((d) => d.basis === "image-build" && within(dir, d.path))) continue;
    if (isBaseImage(texts.get(path)) || isTemplateDockerfile(texts.get(path))) continue;
    if (!hasEntryPoint(inventory.files, dir, texts) && !isLoadGenerator(inventory.files, dir, texts)) continue;
    add({ path: dir || ".", basis: "dockerfile", builds: [], runtimeDockerfile: path, kind: null, descriptorName: null });
  }
  // 3. Modules with their own entry point that no image covers.
  const covered = [...drafts.values()].map((d) => d.path);
  for (const found of modules) {
    if (isNotAService(found.path) || covered.some((c) => within(found.path, c) || within(c, found.path))) continue;
    add({ path: found.path, basis: "module", builds: [], runtimeDockerfile: null, kind: null, descriptorName: found.name });
  }
  // 5. Descriptors.
  for (const [path, text] of texts) {
    const base = path.split("/").at(-1) ?? "";
    const kind = base.startsWith("catalog-info") ? "catalog-info" : base.startsWith("dozen.") ? "dozen" : null;
    if (!kind || isNotAService(path)) continue;
    const parsed = parseServiceDescriptor({ kind, text });
    if (!parsed.isService) continue;
    const dir = dirOf(path) || ".";
    const existing = drafts.get(dir);
    if (existing) existing.descriptorName = parsed.name ?? existing.descriptorName;
    else if (dir !== rootPath || drafts.size === 0)
      add({ path: dir, basis: "descriptor", builds: [], runtimeDockerfile: null, kind: null, descriptorName: parsed.name });
  }

  let joined = joinWorkloads({ services: [...drafts.values()], workloads: graph.workloads });
  // Where the repository builds images, a module nothing builds or deploys is a tool or a library: not a service
  // (unless a dev container mounts it, as for a team that runs its services from source).
  if ([...drafts.values()].some((d) => d.basis === "image-build" || d.basis === "dockerfile")) {
    for (const d of [...drafts.values()].filter(
      (x) => x.basis === "module" && !joined.byService.has(x.path) && !devMounted.some((m) => within(x.path, m)),
    ))
      drafts.delete(d.path);
  }
  // An image only CI builds, that no deploy config of the repository runs, is a test or tool image (an API
  // test suite, a health-check helper), not a service, when the repository deploys other things.
  if (graph.workloads.length > 0) {
    const ciOnly = [...drafts.values()].filter(
      (d) => d.basis === "image-build" && d.builds.every((b) => b.via === "workflow") && !joined.byService.has(d.path),
    );
    if (ciOnly.length > 0) {
      for (const d of ciOnly) drafts.delete(d.path);
      joined = joinWorkloads({ services: [...drafts.values()], workloads: graph.workloads });
    }
  }
  // 4. A repository that builds nothing: the workloads of images built elsewhere are its services.
  const deployOnly: { draft: Draft; workloads: DeclaredWorkload[] }[] = [];
  if (drafts.size === 0) {
    const own = joined.unmatched.filter((w) => !isThirdPartyImage(w.images[0] ?? "") && !isNotAService(w.at.path));
    const perFile = (w: DeclaredWorkload) => graph.workloads.filter((x) => x.at.path === w.at.path && x.descriptor === w.descriptor).length;
    for (const group of groupByImage(own, perFile)) {
      // An optional logging or monitoring stack beside the application is not one of its services.
      if (group.every((w) => /(logging|monitoring|metrics|tracing|observability|jaeger|zipkin)/i.test(w.at.path))) continue;
      const first = group[0]!;
      const path = perFile(first) > 1 || first.descriptor === "compose" ? `${first.at.path}#${first.name}` : first.at.path;
      deployOnly.push({
        draft: { path, basis: "deploy-only", builds: [], runtimeDockerfile: null, kind: kindOfWorkload(first), descriptorName: null },
        workloads: group,
      });
    }
  }
  const claimed = new Set(deployOnly.flatMap((d) => d.workloads));
  const services: FoundService[] = [
    ...[...drafts.values()].map((d) => ({ draft: d, deployedBy: joined.byService.get(d.path) ?? [] })),
    ...deployOnly.map(({ draft, workloads }) => ({
      draft,
      deployedBy: workloads.map((workload) => ({ workload, link: "name" as const })),
    })),
  ].map(({ draft, deployedBy }) => {
    const { descriptorName, ...rest } = draft;
    return {
      ...rest,
      kind: rest.kind ?? kindFromWorkloads(deployedBy.map((d) => d.workload)),
      name: descriptorName ?? serviceName({ path: draft.path, builds: draft.builds, workloads: deployedBy, rootName: opts.rootName }),
      deployedBy,
      ...ownersOf({ path: draft.path, texts, repoRoot: opts.repoRoot }),
    };
  });
  if (services.length === 0) {
    services.push({
      name: opts.rootName,
      path: rootPath,
      basis: "root",
      builds: [],
      runtimeDockerfile: null,
      deployedBy: [],
      kind: null,
      ...ownersOf({ path: rootPath, texts, repoRoot: opts.repoRoot }),
    });
  }
  return {
    services: services.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    unmatched: joined.unmatched.filter((w) => !claimed.has(w)),
  };
}

/** A Dockerfile that only prepares a base for others: no CMD or ENTRYPOINT of its own and no application copied in. */
function isBaseImage(text: string | undefined): boolean {
  if (!text) return false;
  return !/^\s*(CMD|ENTRYPOINT)\b/im.test(text) && !/^\s*COPY\b/im.test(text);
}

/** A Dockerfile shared by many builds: what it copies comes from a build argument (`COPY ${ARTIFACT_NAME}.jar`). */
function isTemplateDockerfile(text: string | undefined): boolean {
  return Boolean(text && /^\s*(COPY|ADD)\b[^\n]*\$\{?\w+/im.test(text) && /^\s*ARG\b/im.test(text));
}

const SOURCE = /\.(go|java|kt|scala|cs|fs|py|js|mjs|cjs|ts|tsx|rb|php|rs|ex|exs|c|cc|cpp|swift|vue|svelte)$/;
const SERVER_MANIFEST =
  /^(pom\.xml|build\.gradle(\.kts)?|go\.mod|Cargo\.toml|[\w.-]+\.csproj|mix\.exs|composer\.json|Gemfile|requirements\.txt|pyproject\.toml)$/;

/** A folder holds code of its own (not only a Dockerfile and scripts). */
function hasCode(files: readonly string[], dir: string): boolean {
  const prefix = dir === "." || dir === "" ? "" : `${dir}/`;
  return files.some((f) => f.startsWith(prefix) && (SOURCE.test(f) || SERVER_MANIFEST.test(f.split("/").at(-1) ?? "")));
}

/** A folder (or its src/) holds a program's entry point or a server build manifest, or a package with a start script. */
function hasEntryPoint(files: readonly string[], dir: string, texts: ReadonlyMap<string, string>): boolean {
  const prefix = dir === "" ? "" : `${dir}/`;
  return files.some((f) => {
    if (!f.startsWith(prefix)) return false;
    const rest = f.slice(prefix.length);
    const depth = rest.split("/").length;
    const base = rest.split("/").at(-1) ?? "";
    if (depth <= 2 && SERVER_MANIFEST.test(base)) return true;
    if (depth <= 3 && structureKind({ path: f }) === "entry-point") return true;
    if (depth === 1 && base === "package.json") return /"start"\s*:/.test(texts.get(f) ?? "");
    return false;
  });
}

/** A load generator's folder: Artillery, k6, Locust or Gatling among its dependencies, or its image built on theirs. */
function isLoadGenerator(files: readonly string[], dir: string, texts: ReadonlyMap<string, string>): boolean {
  const prefix = dir === "" ? "" : `${dir}/`;
  return files.some(
    (f) =>
      f.startsWith(prefix) &&
      !f.slice(prefix.length).includes("/") &&
      /\b(artillery|locust|k6|gatling|vegeta|loadtest)\b/i.test(texts.get(f) ?? ""),
  );
}

/**
 * For a compose build whose context holds no code: the one code folder its service mounts (`./web:/web`), null
 * when it mounts several or a folder of modules (a dev container for the whole tree), undefined when it mounts
 * no code (an image whose config is baked in, such as a proxy or a data store: a service of its own).
 */
function mountedCode(
  build: ImageBuild,
  graph: DeployGraph,
  files: readonly string[],
  modules: readonly { path: string }[],
): string | null | undefined {
  const mounted = mountedDirs(build, graph, files);
  if (mounted.length === 0) return undefined;
  // A mount holding modules of their own (`./internal` with three Go mains) is a dev container for all of them.
  return mounted.length === 1 && !modules.some((m) => m.path !== mounted[0] && m.path.startsWith(`${mounted[0]}/`)) ? mounted[0]! : null;
}

/** The code folders a compose build's service mounts. */
function mountedDirs(build: ImageBuild, graph: DeployGraph, files: readonly string[]): string[] {
  const workload = graph.workloads.find((w) => w.compose && w.compose.service.name === build.name && w.at.path === build.at.path);
  if (!workload?.compose) return [];
  const dir = dirOf(workload.compose.file);
  return workload.compose.service.volumes
    .map((v) => v.split(":")[0] ?? "")
    .filter((src) => src.startsWith(".") || src.startsWith("/"))
    .map((src) => joinPath(dir, src))
    .filter((src) => src !== "" && hasCode(files, src));
}

/**
 * The service folder of a Dockerfile build: the context, unless the Dockerfile sits deeper in a folder with a
 * build manifest of its own (a workspace service built from the monorepo's root: `context: ../..`,
 * `dockerfile: services/cart-api/Dockerfile`), or the context is the repository root or shared by several
 * images, where the Dockerfile's own folder is the service. A build for a named module (a parent POM's image
 * build) or told its service's folder by a build argument builds that folder.
 */
function serviceFolderOf(build: ImageBuild, shared: ReadonlySet<string>, files: readonly string[]): string {
  if (build.module !== undefined) return build.module || ".";
  // One Dockerfile for many services, told which by a build argument (`--build-arg SERVICE=trainer` in `./internal`).
  const named = Object.values(build.args ?? {})
    .map((value) => joinPath(build.context, value))
    .find((dir) => dir !== build.context && within(dir, build.context) && hasCode(files, dir));
  if (named) return named;
  const dockerDir = dirOf(build.dockerfile!);
  if (build.context === "" || shared.has(build.context)) return dockerDir || ".";
  for (let dir = dockerDir; dir !== build.context && dir !== "" && within(dir, build.context); dir = dirOf(dir)) {
    const prefix = `${dir}/`;
    if (
      files.some(
        (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && SERVER_MANIFEST_OR_PACKAGE.test(f.slice(prefix.length)),
      )
    ) {
      return dir;
    }
  }
  return build.context || ".";
}

const SERVER_MANIFEST_OR_PACKAGE =
  /^(package\.json|pom\.xml|build\.gradle(\.kts)?|go\.mod|Cargo\.toml|[\w.-]+\.csproj|mix\.exs|composer\.json|Gemfile|requirements\.txt|pyproject\.toml)$/;

/** Contexts more than one image builds from with different Dockerfiles (`context: .`, `dockerfile: src/cart/Dockerfile`). */
function contextsShared(builds: readonly ImageBuild[]): Set<string> {
  const dockerfiles = new Map<string, Set<string>>();
  for (const b of builds)
    if (b.dockerfile) (dockerfiles.get(b.context) ?? dockerfiles.set(b.context, new Set()).get(b.context)!).add(b.dockerfile);
  return new Set([...dockerfiles].filter(([, d]) => d.size > 1).map(([c]) => c));
}

function joinPath(dir: string, rel: string): string {
  const parts = (rel.startsWith("/") ? [] : dir.split("/")).concat(rel.split("/")).filter((p) => p !== "" && p !== ".");
  const out: string[] = [];
  for (const p of parts)
    if (p === "..") out.pop();
    else out.push(p);
  return out.join("/");
}

const RANK: Record<DeclaredWorkload["descriptor"], number> = {
  kubernetes: 0,
  kustomize: 1,
  helm: 2,
  compose: 3,
  skaffold: 4,
  workflow: 4,
  maven: 4,
  gradle: 4,
  procfile: 4,
  nomad: 2,
};

/** Declarations of one image are one service, however many files and names declare it (compose's `user-sim` is the Kubernetes `load-test`). */
function groupByImage(workloads: DeclaredWorkload[], perFile: (w: DeclaredWorkload) => number): DeclaredWorkload[][] {
  const groups = new Map<string, DeclaredWorkload[]>();
  for (const w of workloads) {
    const key = w.images[0] ? repositoryOf(w.images[0]) : `name:${w.name}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(w);
  }
  // The first declaration of each names where it lives: Kubernetes before compose, a file of its own before a
  // file declaring many, then path order.
  return [...groups.values()].map((g) =>
    g.sort((a, b) => RANK[a.descriptor] - RANK[b.descriptor] || perFile(a) - perFile(b) || bySegments(a.at.path, b.at.path)),
  );
}

/** Paths in folder order: `manifests/x.yaml` before `manifests-jaeger/x.yaml`. */
function bySegments(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

function repositoryOf(image: string): string {
  const noDigest = image.split("@")[0] ?? image;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function kindOfWorkload(w: DeclaredWorkload): ServiceKind | null {
  return runsToCompletion(w) ? "job" : null;
}

/** A service deployed only as Jobs or CronJobs is a job; otherwise the code decides. */
function kindFromWorkloads(workloads: DeclaredWorkload[]): ServiceKind | null {
  const k8s = workloads.filter((w) => w.descriptor !== "compose");
  return k8s.length > 0 && k8s.every(runsToCompletion) ? "job" : null;
}

/** A Job or CronJob, or a task of a Nomad `batch`/`sysbatch` job (periodic or not). */
function runsToCompletion(w: DeclaredWorkload): boolean {
  return w.kind === "Job" || w.kind === "CronJob" || w.nomad?.type === "batch" || w.nomad?.type === "sysbatch";
}

function within(path: string, dir: string): boolean {
  if (dir === "." || dir === "") return true;
  return path === dir || path.startsWith(`${dir}/`);
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

export type { ImageBuild };
