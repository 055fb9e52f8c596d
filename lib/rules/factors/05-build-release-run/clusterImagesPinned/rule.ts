import type { ClusterCheck } from "@/lib/rules/types";
import { evidence, notApplicable, verdict } from "@/lib/rules/helpers/cluster";

const MUTABLE_TAGS = new Set(["latest", "stable", "main", "master", "dev", "develop", "edge", "nightly"]);

/** Build, release, run (V): what runs is an immutable release: an image digest or a version tag. */
export const rule: ClusterCheck = {
  id: "clusterImagesPinned",
  version: 1,
  factor: "build-release-run",
  judges: "cluster",
  effort: "low",
  defaultWeight: 2,
  title: "Running images are pinned by digest or an immutable tag",
  rationale: "`:latest` or no tag means a restart can silently run a different build than the release that was approved.",
  evaluate(facts) {
    const all = facts.workloads.flatMap((w) => w.containers.map((c) => ({ w, c })));
    if (all.length === 0) return notApplicable("No containers run for this service.");
    const failures = all
      .filter(({ c }) => {
        if (c.image.includes("@sha256:")) return false;
        const slash = c.image.lastIndexOf("/");
        const colon = c.image.lastIndexOf(":");
        const tag = colon > slash ? c.image.slice(colon + 1) : "";
        return tag === "" || MUTABLE_TAGS.has(tag.toLowerCase());
      })
      .map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.image`, c.image));
    return verdict(failures, "Every running image is pinned.", (n) => `${n} container(s) run a mutable image tag.`);
  },
};
