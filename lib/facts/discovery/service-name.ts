import type { DeclaredWorkload, ImageBuild } from "@/lib/facts/deploy-graph/types";
import type { JoinLink } from "@/lib/facts/discovery/types";

// Folders that name a layout, not a service: `src/cart/src` is "cart", never "src".
const GENERIC = new Set(["src", "source", "app", "code", "server", "main", "cmd", "service", "deploy", "docker"]);

/** The folder that names a service: its own, unless that is a layout folder (src, app, server), then the nearest meaningful parent. */
export function meaningfulFolder(path: string): string {
  const segments = path.split("/").filter((s) => s !== "" && s !== ".");
  for (let i = segments.length - 1; i >= 0; i--) if (!GENERIC.has(segments[i]!.toLowerCase())) return segments[i]!;
  return segments.at(-1) ?? "";
}

/**
 * A service's name, from what deploys it when something does: the compose service that builds it, else the
 * Kubernetes workload joined to it (a Helm release prefix dropped), else its skaffold artifact; otherwise its
 * meaningful folder, and the source's own name for the root. A descriptor's name (catalog-info, dozen.yaml)
 * wins over all of these, before this is called.
 */
export function serviceName(opts: {
  path: string;
  builds: readonly ImageBuild[];
  workloads: readonly { workload: DeclaredWorkload; link: JoinLink }[];
  rootName: string;
}): string {
  // A deploy-only service is named by the declaration it lives in (the first of its workloads).
  if (opts.path.includes("#") || /\.(ya?ml|nomad|hcl)$/.test(opts.path)) return opts.workloads[0]?.workload.name ?? opts.rootName;
  const deployed = deployedName(opts);
  if (opts.path === ".") return deployed ?? opts.rootName;
  const folder = meaningfulFolder(opts.path) || opts.rootName;
  if (!deployed) return folder;
  // The folder's own name as the deploy config spells it (AuditlogService deployed as "auditlogservice").
  const spelled = opts.workloads.find((w) => norm(w.workload.name) === norm(folder))?.workload.name;
  if (spelled) return spelled;
  // A process of the service named for its protocol (trainings-http) is the service (trainings).
  if (deployed.toLowerCase().replace(/[-_](http|grpc)$/, "") === folder.toLowerCase()) return folder;
  // The deploy config's name when the folder is deployed under one name (AuditlogService → auditlogservice,
  // spring-petclinic-config-server → config-server); a folder deployed under several (one image behind four
  // compose services) keeps its own.
  const names = new Set(opts.workloads.map((w) => norm(w.workload.name.replace(/^release-/, ""))));
  return names.size <= 1 ? deployed : folder;
}

function deployedName(opts: {
  builds: readonly ImageBuild[];
  workloads: readonly { workload: DeclaredWorkload; link: JoinLink }[];
}): string | null {
  const composed = opts.workloads
    .filter((w) => w.workload.descriptor === "compose")
    .sort((a, b) => Number(b.link === "compose-service") - Number(a.link === "compose-service"));
  const compose = composed[0]?.workload.name ?? opts.builds.find((b) => b.via === "compose")?.name;
  if (compose) return compose;
  const k8s = opts.workloads
    .filter((w) => w.workload.descriptor !== "compose")
    .sort(
      (a, b) =>
        Number(b.workload.descriptor === "kubernetes") - Number(a.workload.descriptor === "kubernetes") ||
        (a.workload.at.path < b.workload.at.path ? -1 : 1),
    )[0];
  if (k8s) return k8s.workload.name.replace(/^release-/, "");
  return opts.builds.find((b) => b.via === "skaffold" && b.name)?.name ?? null;
}

function norm(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
