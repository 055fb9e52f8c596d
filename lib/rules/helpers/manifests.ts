import { dig } from "@/lib/facts/workload/read-object";
import { imageRepository } from "@/lib/rules/helpers/images";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { pathEvidence, searchEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";

export type Obj = Record<string, unknown>;

/** Kinds whose pod template the rules inspect. */
export const LONG_RUNNING_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Rollout", "DeploymentConfig"]);
export const ONE_OFF_KINDS = new Set(["Job", "CronJob"]);

/** Reads a nested value from parsed YAML without trusting its shape. */
export { dig };

/** Array elements that are objects (anything else in a list is ignored). */
export function objects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter((v): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)) : [];
}

/** The pod spec of a workload, whatever its kind. */
export function podSpec(m: ManifestObject): Obj | undefined {
  const spec =
    m.kind === "Pod"
      ? dig(m.object, "spec")
      : m.kind === "CronJob"
        ? dig(m.object, "spec", "jobTemplate", "spec", "template", "spec")
        : dig(m.object, "spec", "template", "spec");
  return typeof spec === "object" && spec !== null ? (spec as Obj) : undefined;
}

// Images of backing services a repository sometimes runs next to its app (a Redis Deployment in the same file).
export const BACKING_IMAGE =
  /^(postgres|postgis|mysql|mariadb|mongo|redis|valkey|rabbitmq|kafka|zookeeper|memcached|elasticsearch|opensearch|nats|minio|etcd)$/;

/**
 * Workloads that run the service's own long-lived processes (Deployments and the like). A workload whose
 * containers all run a backing-service image is an attached resource, judged by factor IV, not the app.
 */
export function longRunningWorkloads(facts: ServiceFacts): ManifestObject[] {
  return facts.manifests.filter((m) => {
    if (!LONG_RUNNING_KINDS.has(m.kind) || !podSpec(m)) return false;
    const images = containers(m).map((c) => (typeof c.image === "string" ? c.image : ""));
    return images.length === 0 || !images.every((image) => BACKING_IMAGE.test(imageRepository(image)));
  });
}

/** The app containers of a workload (init containers excluded). */
export function containers(m: ManifestObject): Obj[] {
  return objects(podSpec(m)?.containers);
}

/** Evidence at the first line of a manifest document matching `pattern` (e.g. /^\s*replicas:/), else its start. */
export function manifestEvidence(facts: ServiceFacts, m: ManifestObject, pattern?: RegExp): RepoEvidence {
  const fallback = { line: m.lineStart, snippet: `kind: ${m.kind}` };
  if (!pattern) return pathEvidence({ facts, path: m.path, ...fallback });
  return searchEvidence({ facts, path: m.path, pattern, from: m.lineStart, to: m.lineEnd, fallback });
}

/** `kind/name`, as kubectl prints it. */
export function objectName(m: ManifestObject): string {
  return `${m.kind}/${m.name}`;
}

/** The service's own workloads: long-running ones plus Jobs and CronJobs (admin tasks run the app's code too). */
export function appWorkloads(facts: ServiceFacts): ManifestObject[] {
  return [...longRunningWorkloads(facts), ...facts.manifests.filter((m) => ONE_OFF_KINDS.has(m.kind) && podSpec(m))];
}

/** App and init containers of a workload. */
export function allContainers(m: ManifestObject): Obj[] {
  return [...containers(m), ...objects(podSpec(m)?.initContainers)];
}

/** A container's name, "?" when it has none. */
export function containerName(c: Obj): string {
  return typeof c.name === "string" ? c.name : "?";
}

/** Evidence at the first line matching `pattern` after a container's `- name:` line, else at that line. */
export function containerEvidence(facts: ServiceFacts, m: ManifestObject, c: Obj, pattern?: RegExp): RepoEvidence {
  const nameLine = new RegExp(String.raw`^\s*-\s*(\{\s*)?name:\s*["']?${escapeRegExp(containerName(c))}\b`);
  const at = manifestEvidence(facts, m, nameLine);
  if (!pattern) return at;
  return searchEvidence({
    facts,
    path: m.path,
    pattern,
    from: at.lineStart,
    to: m.lineEnd,
    fallback: { line: at.lineStart, snippet: at.snippet },
  });
}
