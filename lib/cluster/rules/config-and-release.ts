import type { ClusterRuleDefinition } from "@/lib/cluster/rules/helpers";
import { appContainers, evidence, notApplicable, verdict } from "@/lib/cluster/rules/helpers";
import type { ClusterEvidence } from "@/lib/rules/types";

const MUTABLE_TAGS = new Set(["latest", "stable", "main", "master", "dev", "develop", "edge", "nightly"]);

/** Config (III): credentials reach containers through secretKeyRef/envFrom, never as env literals. */
export const clusterSecretsFromSecretRefs: ClusterRuleDefinition = {
  id: "clusterSecretsFromSecretRefs", version: 1, factor: "config", appliesTo: ["cluster"], effort: "low", defaultWeight: 3,
  title: "Running containers take credentials from Secrets",
  rationale: "A password written as an env literal lives in the workload spec, readable by anyone who can get the Deployment.",
  evaluate(facts) {
    const all = appContainers(facts.workloads);
    if (all.length === 0) return notApplicable("No containers run for this service.");
    const failures: ClusterEvidence[] = [];
    for (const { w, c } of [...all, ...facts.workloads.flatMap((w) => w.containers.filter((c) => c.init).map((c) => ({ w, c })))]) {
      c.env.forEach((e, i) => {
        if (e.secretPreview) failures.push(evidence(facts, w, `${c.jsonPath}.env[${i}].value`, `${e.name}=${e.secretPreview}`));
      });
    }
    return verdict(failures, "No secret-looking env literal; credentials come from Secrets.", (n) => `${n} secret-looking env literal(s) in running workloads.`);
  },
};

/** Build, release, run (V): what runs is an immutable release: an image digest or a version tag. */
export const clusterImagesPinned: ClusterRuleDefinition = {
  id: "clusterImagesPinned", version: 1, factor: "build-release-run", appliesTo: ["cluster"], effort: "low", defaultWeight: 2,
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

/** Admin processes (XII): migrations run as Jobs or init containers, not inside the app's start command. */
export const clusterMigrationsAsJobs: ClusterRuleDefinition = {
  id: "clusterMigrationsAsJobs", version: 1, factor: "admin-processes", appliesTo: ["cluster"], effort: "medium", defaultWeight: 2,
  title: "Migrations run as Jobs or init containers",
  rationale: "Migrating in the app's command runs it once per replica, concurrently, on every restart.",
  evaluate(facts) {
    const inApp = appContainers(facts.workloads.filter((w) => w.kind !== "Job" && w.kind !== "CronJob")).filter(({ c }) => c.runsMigrations);
    const asJob = facts.workloads.some((w) => w.containers.some((c) => c.runsMigrations && (c.init || w.kind === "Job" || w.kind === "CronJob")));
    if (inApp.length === 0 && !asJob) return notApplicable("No migrations seen in the cluster.");
    return verdict(
      inApp.map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.command`, "runs migrations at start")),
      "Migrations run as a Job or an init container.",
      (n) => `${n} app container(s) run migrations in their start command.`,
    );
  },
};
