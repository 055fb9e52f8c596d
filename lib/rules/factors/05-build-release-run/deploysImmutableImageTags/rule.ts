import { isTemplatedImage } from "@/lib/rules/helpers/images";
import { allContainers, appWorkloads, containerEvidence, containerName, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";

// Tags that name a moving branch or channel, not a build: the same manifest deploys different code over time.
const MOVING_TAG = /^(latest|main|master|develop|dev|edge|stable|nightly|snapshot|current|head)$/i;

/** The tag of an image reference, null when it has none; "" when pinned by digest only. */
function tagOf(image: string): string | null {
  if (image.includes("@")) return "";
  const name = image.slice(image.lastIndexOf("/") + 1);
  return name.includes(":") ? name.slice(name.indexOf(":") + 1) : null;
}

export const rule: RepositoryCheck = {
  id: "deploysImmutableImageTags",
  version: 1,
  factor: "build-release-run",
  title: "Workloads deploy a versioned release image, not :latest or an untagged one",
  rationale:
    "A release is one build plus one config, identified so it can be rolled back. `:latest` (or no tag) resolves to " +
    "whatever was pushed last: two replicas of one Deployment can run different code and a rollback rolls back nothing.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  evaluate(facts) {
    const workloads = appWorkloads(facts);
    if (workloads.length === 0) return notApplicable("No Kubernetes workload manifest.");
    const moving: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of workloads) {
      for (const c of allContainers(m)) {
        const image = typeof c.image === "string" ? c.image.trim() : "";
        // Helm/Kustomize fill templated images at render time; nothing to judge here.
        if (image === "" || isTemplatedImage(image)) continue;
        const tag = tagOf(image);
        if (tag === "" || (tag !== null && !MOVING_TAG.test(tag))) continue;
        names.push(`${objectName(m)} ${containerName(c)} (${image})`);
        moving.push(containerEvidence(facts, m, c, /^\s*image:/));
      }
    }
    if (moving.length > 0) return fail(`Moving image tags deployed (${plural(moving.length, "container")}): ${names.join("; ")}.`, moving);
    return pass("Every workload deploys a versioned or digest-pinned image.");
  },
};
