import { isTemplatedImage } from "@/lib/rules/helpers/images";
import { allContainers, appWorkloads, containerEvidence, containerName, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";

export const rule: RepositoryCheck = {
  id: "deployedImagesPinnedByDigest",
  version: 1,
  factor: "dev-prod-parity",
  title: "Workloads pin their image by digest, so every environment runs the same bytes",
  rationale:
    "A tag can be pushed again; a digest cannot. Pinning `@sha256:` guarantees that staging and production, and " +
    "every node in between, run exactly the image that was built and tested.",
  judges: "repository",
  effort: "low",
  defaultWeight: 2,
  evaluate(facts) {
    const workloads = appWorkloads(facts);
    const unpinned: RepoEvidence[] = [];
    const names: string[] = [];
    let judged = 0;
    for (const m of workloads) {
      for (const c of allContainers(m)) {
        const image = typeof c.image === "string" ? c.image.trim() : "";
        // Templated images (Helm, Kustomize) are resolved at render time: nothing to judge in the source.
        if (image === "" || isTemplatedImage(image)) continue;
        judged += 1;
        if (/@sha256:[0-9a-f]{64}$/.test(image)) continue;
        names.push(`${objectName(m)} ${containerName(c)} (${image})`);
        unpinned.push(containerEvidence(facts, m, c, /^\s*image:/));
      }
    }
    if (judged === 0) return notApplicable("No workload manifest with a literal image.");
    if (unpinned.length > 0)
      return fail(`Images deployed by tag only (${plural(unpinned.length, "container")}): ${names.join("; ")}.`, unpinned);
    return pass(`Every deployed image is pinned by digest (${plural(judged, "container")}).`);
  },
};
