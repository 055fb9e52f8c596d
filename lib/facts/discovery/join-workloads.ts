import { join } from "@/lib/facts/deploy-graph/parse-skaffold";
import type { DeclaredWorkload, ImageBuild } from "@/lib/facts/deploy-graph/types";
import { isThirdPartyImage } from "@/lib/facts/discovery/not-services";
import { meaningfulFolder } from "@/lib/facts/discovery/service-name";
import type { JoinLink } from "@/lib/facts/discovery/types";

const STRENGTH: Record<JoinLink, number> = { "build-context": 6, "compose-service": 5, image: 4, chart: 3, label: 2, name: 1 };

/**
 * Joins each workload declaration to the service it deploys, by the strongest link there is: the image a
 * service's build produces (a skaffold artifact or a build tag, named in the workload), the compose service
 * whose build context is the service's folder, the image repository's name, a Helm chart inside the
 * service's folder or named like it, an `app.kubernetes.io/name`/`app` label, the workload's own name.
 * Names compare without case or punctuation (`Identity.API` is `identity-api`); of the services it could join,
 * the nearest in the tree wins, then the strongest link. A workload that joins
 * nothing is returned as unmatched, never dropped. Pure.
 */
export function joinWorkloads(opts: {
  services: readonly { path: string; builds: ImageBuild[]; descriptorName: string | null }[];
  workloads: readonly DeclaredWorkload[];
}): { byService: Map<string, { workload: DeclaredWorkload; link: JoinLink }[]>; unmatched: DeclaredWorkload[] } {
  const byService = new Map<string, { workload: DeclaredWorkload; link: JoinLink }[]>();
  const unmatched: DeclaredWorkload[] = [];
  const candidates = opts.services.map((s) => ({ ...s, names: namesOf(s) }));
  for (const workload of opts.workloads) {
    // Nearest first: a declaration joins the services closest to it in the tree before any farther away, so
    // one repository's deploy config never claims a same-named service of another checked out beside it.
    let best: { path: string; link: JoinLink; near: number } | null = null;
    for (const service of candidates) {
      const link = linkOf(workload, service);
      if (!link) continue;
      const near = shared(workload.at.path, service.path);
      if (!best || near > best.near || (near === best.near && STRENGTH[link] > STRENGTH[best.link]))
        best = { path: service.path, link, near };
    }
    if (best) (byService.get(best.path) ?? byService.set(best.path, []).get(best.path)!).push({ workload, link: best.link });
    else unmatched.push(workload);
  }
  return { byService, unmatched };
}

function linkOf(w: DeclaredWorkload, s: { path: string; builds: ImageBuild[]; names: Set<string> }): JoinLink | null {
  const compose = w.compose;
  if (compose?.service.build && compose.service.buildContext !== null && compose.service.buildContext !== undefined) {
    const dir = compose.file.includes("/") ? compose.file.slice(0, compose.file.lastIndexOf("/")) : "";
    const context = join(dir, compose.service.buildContext);
    const dockerfile = join(context, compose.service.buildDockerfile ?? "Dockerfile");
    if ((context || ".") === s.path || s.builds.some((b) => b.dockerfile === dockerfile)) return "compose-service";
  }
  const images = w.images.filter((i) => !i.includes("__dozen_unresolved__"));
  // The image the build produces, exactly; a build reference without a tag (skaffold's `frontend`) matches any tag of it.
  if (s.builds.some((b) => b.image && images.some((i) => i === b.image || (stripTag(b.image!) === b.image && stripTag(i) === b.image))))
    return "build-context";
  const own = images.filter((i) => !isThirdPartyImage(i));
  if (own.some((i) => s.names.has(norm(repositoryName(i))))) return "image";
  if (w.via && w.descriptor === "helm" && (w.via === s.path || w.via.startsWith(`${s.path}/`)) && s.path !== ".") return "chart";
  const label = w.labels["app.kubernetes.io/name"] ?? w.labels["app"] ?? w.labels["service"] ?? w.labels["name"] ?? w.labels["component"];
  if (label && s.names.has(norm(label)) && (own.length > 0 || images.length === 0)) return "label";
  if (
    (s.names.has(norm(w.name)) || s.names.has(norm(w.name.replace(/^release-/, "")))) &&
    (own.length > 0 || images.length === 0 || w.descriptor === "compose")
  )
    return "name";
  return null;
}

/** How many leading folders a declaration's file and a service's folder share. */
function shared(file: string, dir: string): number {
  const a = file.split("/").slice(0, -1);
  const b = dir === "." ? [] : dir.split("/");
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The names a service may be deployed under: its folder, its build's names and images, its descriptor's name. */
function namesOf(s: { path: string; builds: ImageBuild[]; descriptorName: string | null }): Set<string> {
  const names = [meaningfulFolder(s.path), s.path.split("/").at(-1) ?? "", s.descriptorName ?? ""];
  for (const b of s.builds) names.push(b.name ?? "", b.image ? repositoryName(b.image) : "");
  return new Set(names.filter(Boolean).map(norm));
}

/** `ghcr.io/acme/rs-cart:1.2@sha256:…` → `rs-cart`. */
export function repositoryName(image: string): string {
  return stripTag(image).split("/").at(-1) ?? image;
}

function stripTag(image: string): string {
  const noDigest = image.split("@")[0] ?? image;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

export function norm(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
