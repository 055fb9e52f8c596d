import { hasDigest, isBuildReference, isTemplatedImage, skaffoldArtifacts } from "@/lib/rules/helpers/images";
import {
  appWorkloads,
  containerEvidence,
  containerName,
  containers,
  objectName,
  objects,
  podSpec,
  type Obj,
} from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";

export const rule: RepositoryCheck = {
  id: "deployedImagesPinnedByDigest",
  version: 2,
  factor: "dev-prod-parity",
  title: "Third-party images a workload runs beside its own are pinned by digest",
  rationale:
    "A tag is a pointer its publisher can move: `redis:7.2`, `envoyproxy/envoy:v1.30` or a proxy sidecar is " +
    "rebuilt and re-pushed under the same tag, so staging and production pull different bytes from one manifest. " +
    "Pinning `@sha256:` keeps every environment on the image that was tested. The service's own image is not " +
    "judged here: deployed by an immutable release tag (deploysImmutableImageTags) it already names one build, and " +
    "requiring its digest too is a stricter supply-chain policy (add a custom check if yours has it).",
  judges: "repository",
  effort: "low",
  defaultWeight: 2,
  evaluate(facts) {
    const unpinned: RepoEvidence[] = [];
    const places = new Set<string>();
    const names = new Set<string>();
    let judged = 0;
    for (const { m, c } of thirdPartyContainers(facts)) {
      const image = typeof c.image === "string" ? c.image.trim() : "";
      judged += 1;
      if (hasDigest(image)) continue;
      names.add(`${objectName(m)} ${containerName(c)} (${image})`);
      const evidence = containerEvidence(facts, m, c, /^\s*image:/);
      const where = `${evidence.path}:${evidence.lineStart}`;
      if (!places.has(where)) unpinned.push(evidence);
      places.add(where);
    }
    if (judged === 0) return notApplicable("No third-party image beside the service's own in its workloads.");
    if (unpinned.length > 0)
      return fail(
        `Third-party images deployed by tag only, which their publisher can re-push (${plural(names.size, "container")}): ` +
          `${[...names].join("; ")}. Pin them as <image>:<tag>@sha256:<digest>.`,
        unpinned,
      );
    return pass(`Every third-party image beside the service's own is pinned by digest (${plural(judged, "container")}).`);
  },
};

/**
 * Containers of the service's workloads that run someone else's image: init containers and sidecars. The
 * service's own image is the first app container's, any image named after the service, workload or container
 * (`acme/rs-cart` for cart), or a build reference a tool fills in (skaffold's `image: cart`).
 */
function thirdPartyContainers(facts: ServiceFacts): { m: ManifestObject; c: Obj }[] {
  const found: { m: ManifestObject; c: Obj }[] = [];
  const artifacts = skaffoldArtifacts(facts);
  for (const m of appWorkloads(facts)) {
    const app = containers(m);
    for (const c of [...app, ...objects(podSpec(m)?.initContainers)]) {
      const image = typeof c.image === "string" ? c.image.trim() : "";
      // Templated images (Helm, Kustomize) are resolved at render time: nothing to judge in the source.
      if (image === "" || isTemplatedImage(image) || image.includes("$")) continue;
      const names = [facts.service.name, m.name];
      if (c === app[0] || isBuildReference(image, { names, artifacts }) || isNamedAfter(image, names)) continue;
      found.push({ m, c });
    }
  }
  return found;
}

/** `robotshop/rs-cart:2.1.0` for cart, `ghcr.io/acme/demo:1.4-cart` for cart: the image is the service's. */
function isNamedAfter(image: string, names: readonly string[]): boolean {
  const reference = (image.split("@")[0] ?? image).toLowerCase();
  const last = reference.slice(reference.lastIndexOf("/") + 1);
  const words = last.split(/[^a-z0-9]+/);
  return names.some((name) => {
    const n = name.toLowerCase();
    return n.length >= 3 && (words.includes(n) || last.replace(/[^a-z0-9]/g, "").includes(n.replace(/[^a-z0-9]/g, "")));
  });
}
