import type { DeclaredWorkload, DeployGraph } from "@/lib/facts/deploy-graph/types";
import { podTemplateOf } from "@/lib/facts/deploy-graph/build-deploy-graph";
import { gradleConventionsOf } from "@/lib/facts/deploy-graph/gradle-conventions";
import { IMPERATIVE_ANNOTATION } from "@/lib/facts/deploy-graph/parse-kubectl-commands";
import type { FoundService } from "@/lib/facts/discovery/types";
import type { ComposeFacts, DeployExcerpt, DeployedBy, ManifestObject, ServiceKindName } from "@/lib/facts/types";

/** What a service's facts take from the repository's deployment graph. */
export interface ServiceDeploy {
  kind: ServiceKindName | null;
  basis: string;
  deployedBy: DeployedBy[];
  /** Its workloads' objects and the objects that reach them (Services, HPAs, PDBs), wherever declared. */
  objects: ManifestObject[];
  /** The compose services that run it, each in its file. */
  compose: ComposeFacts[];
  /** The Dockerfile its deploy config builds; null when none is known. */
  runtimeDockerfile: string | null;
  /** Folders of other services inside this one's folder: theirs, not its. */
  nested: string[];
  /** The lines of its declarations outside its folder, for evidence. */
  excerpts: DeployExcerpt[];
  /** The `.env` files its compose files read, outside its folder: committed config of the service. */
  dotenvs: { path: string; text: string }[];
  /**
   * Files outside its folder its build is made of: the Dockerfile its deploy config builds (a shared
   * `docker/Dockerfile`) and the Maven parent POMs it inherits plugins, versions and properties from.
   */
  buildFiles: { path: string; text: string }[];
  /** The repository's `.proto` files (outside test folders): the gRPC contracts its code may serve. */
  protos: { path: string; text: string }[];
  /** How the repository deploys anything: the descriptors of all its workloads. */
  repositoryDeploys: DeployedBy["descriptor"][];
}

// A compose service's block is rarely longer; a longer one is quoted in part.
const COMPOSE_EXCERPT_LINES = 80;

/**
 * A found service's share of the deployment graph: the declarations joined to it (with their link), their
 * Kubernetes objects and the Services, HorizontalPodAutoscalers and PodDisruptionBudgets that select or target
 * them, and its compose services. Pure.
 */
export function deployFactsOf(opts: { service: FoundService; services: readonly FoundService[]; graph: DeployGraph }): ServiceDeploy {
  const { service, graph } = opts;
  const objects: ManifestObject[] = [];
  const compose = new Map<string, ComposeFacts>();
  const deployedBy: DeployedBy[] = [];
  for (const { workload, link } of service.deployedBy) {
    const descriptor = descriptorOf(workload.descriptor);
    deployedBy.push({
      path: workload.at.path,
      line: workload.at.line,
      object: objectOf(workload),
      descriptor,
      link,
      via: workload.via,
    });
    if (workload.compose) {
      const file = compose.get(workload.compose.file) ?? { path: workload.compose.file, services: [] };
      file.services.push(workload.compose.service);
      compose.set(workload.compose.file, file);
    }
    if (!workload.object) continue;
    objects.push(workload.object);
    const labels = podLabels(workload.object);
    for (const o of graph.objects) {
      if (o === workload.object || o.path.split("/")[0] === undefined) continue;
      if (sameFamily(o, workload.object) && reaches(o, workload.object, labels)) objects.push(o);
    }
  }
  const seen = new Set<string>();
  const unique = objects.filter((o) => {
    const key = `${o.path}|${o.documentIndex}|${o.kind}|${o.name}|${JSON.stringify(o.object)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const prefix = service.path === "." ? "" : `${service.path}/`;
  const outside = (path: string) => service.basis === "deploy-only" || !path.startsWith(prefix) || service.path === ".";
  const excerpts = excerptsOf(
    graph,
    [
      ...unique.map((o) => ({ path: o.path, from: o.lineStart, to: o.lineEnd })),
      ...[...compose.values()].flatMap((file) =>
        file.services.map((s) => ({ path: file.path, from: s.line, to: s.line + COMPOSE_EXCERPT_LINES })),
      ),
    ].filter((r) => outside(r.path)),
  );
  const dotenvs = [...compose.values()]
    .map((file) => graph.dotenvs.get(file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : ""))
    .filter((d): d is { path: string; text: string } => d !== undefined && outside(d.path));
  return {
    kind: service.kind,
    basis: service.basis,
    deployedBy: deployedBy.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line)),
    objects: unique,
    compose: [...compose.values()],
    runtimeDockerfile: service.runtimeDockerfile,
    nested: opts.services
      .filter((s) => s !== service && s.path !== "." && (service.path === "." || s.path.startsWith(prefix)) && !s.path.includes("#"))
      .map((s) => s.path),
    excerpts,
    dotenvs: [...new Map(dotenvs.map((d) => [d.path, d])).values()],
    buildFiles: [
      ...(service.runtimeDockerfile && outside(service.runtimeDockerfile) ? [service.runtimeDockerfile] : []),
      ...parentPoms(service.path, graph),
      ...gradleConventionsOf({ moduleDir: service.path, texts: gradleTexts(graph) }),
    ]
      .filter((path) => outside(path) && graph.lines.has(path))
      .map((path) => ({ path, text: graph.lines.get(path)!.join("\n") })),
    protos: [...graph.lines]
      .filter(([path]) => path.endsWith(".proto") && !NOT_CONTRACTS.test(path))
      .map(([path, lines]) => ({ path, text: lines.join("\n") })),
    repositoryDeploys: [...new Set(graph.workloads.map((w) => w.descriptor))]
      .filter((d): d is DeployedBy["descriptor"] => DEPLOY_DESCRIPTORS.has(d))
      .sort(),
  };
}

// Protos of tests, examples and vendored libraries are no contract of the repository's services.
const NOT_CONTRACTS = /(^|\/)(tests?|e2e|testdata|__tests__|examples?|docs?|third[_-]party|vendor|node_modules)\//i;

const DEPLOY_DESCRIPTORS: ReadonlySet<string> = new Set(["kubernetes", "kustomize", "helm", "compose", "nomad"]);

/** A declaration's descriptor as facts name it: skaffold, CI and build-tool declarations are Kubernetes ones. */
function descriptorOf(descriptor: DeclaredWorkload["descriptor"]): DeployedBy["descriptor"] {
  return descriptor === "compose" || descriptor === "helm" || descriptor === "kustomize" || descriptor === "nomad"
    ? descriptor
    : "kubernetes";
}

/** How the service page names a declaration: `Deployment/cart`, `compose service cart`, `Nomad task shop/cart/server` (job/group/task). */
function objectOf(workload: DeclaredWorkload): string {
  if (workload.compose) return `compose service ${workload.name}`;
  if (workload.nomad) return `Nomad task ${workload.nomad.job}/${workload.nomad.group}/${workload.nomad.task}`;
  return `${workload.kind}/${workload.name}`;
}

/** The repository's Gradle build scripts and convention plugins, by path. */
function gradleTexts(graph: DeployGraph): Map<string, string> {
  return new Map([...graph.lines].filter(([path]) => /\.gradle(\.kts)?$/.test(path)).map(([path, lines]) => [path, lines.join("\n")]));
}

/** The parent POMs a Maven module inherits from (`<parent>` with its `relativePath`, `../pom.xml` by default), nearest first. */
function parentPoms(servicePath: string, graph: DeployGraph): string[] {
  const out: string[] = [];
  let pom = servicePath === "." ? "pom.xml" : `${servicePath}/pom.xml`;
  for (let depth = 0; depth < 5; depth++) {
    const parent = graph.lines
      .get(pom)
      ?.join("\n")
      .match(/<parent>([\s\S]*?)<\/parent>/)?.[1];
    if (parent === undefined) break;
    const relative = parent.match(/<relativePath>\s*([^<]*?)\s*<\/relativePath>/)?.[1] ?? "../pom.xml";
    if (relative === "") break;
    const dir = pom.includes("/") ? pom.slice(0, pom.lastIndexOf("/")) : "";
    const next = resolvePath(dir, relative.endsWith(".xml") ? relative : `${relative}/pom.xml`);
    if (next === null || !graph.lines.has(next) || out.includes(next)) break;
    out.push(next);
    pom = next;
  }
  return out;
}

function resolvePath(dir: string, relative: string): string | null {
  const out: string[] = dir === "" ? [] : dir.split("/");
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

/** The lines of each range, overlapping ranges of one file merged. */
function excerptsOf(graph: DeployGraph, ranges: { path: string; from: number; to: number }[]): DeployExcerpt[] {
  const out: DeployExcerpt[] = [];
  const sorted = [...ranges].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.from - b.from));
  for (const r of sorted) {
    const lines = graph.lines.get(r.path);
    if (!lines) continue;
    const to = Math.min(r.to, lines.length);
    const last = out.at(-1);
    if (last && last.path === r.path && r.from <= last.lineStart + last.lines.length) {
      const end = last.lineStart + last.lines.length - 1;
      if (to > end) last.lines.push(...lines.slice(end, to));
    } else if (r.from >= 1 && r.from <= to) out.push({ path: r.path, lineStart: r.from, lines: lines.slice(r.from - 1, to) });
  }
  return out;
}

/**
 * Objects declared together (the same Kustomize rendering, the same chart, or plain YAML) describe one
 * deployment; an object a script creates with `kubectl` acts on whatever deployment is live.
 */
function sameFamily(a: ManifestObject, b: ManifestObject): boolean {
  return (a.via ?? null) === (b.via ?? null) || IMPERATIVE_ANNOTATION in (record(record(a.object.metadata)?.annotations) ?? {});
}

/** A Service or PDB selecting the workload's pods, an HPA scaling it. */
function reaches(o: ManifestObject, workload: ManifestObject, labels: Record<string, string>): boolean {
  if (o.namespace && workload.namespace && o.namespace !== workload.namespace) return false;
  const spec = record(o.object.spec);
  if (o.kind === "HorizontalPodAutoscaler") {
    const target = record(spec?.scaleTargetRef);
    return target?.kind === workload.kind && target?.name === workload.name;
  }
  if (o.kind === "Service" || o.kind === "PodDisruptionBudget") {
    const selector = o.kind === "Service" ? record(spec?.selector) : record(record(spec?.selector)?.matchLabels);
    const entries = Object.entries(selector ?? {});
    return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
  }
  return false;
}

function podLabels(object: ManifestObject): Record<string, string> {
  const labels = record(record(podTemplateOf(object)?.metadata)?.labels) ?? {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
