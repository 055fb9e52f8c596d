import type { ClusterCheck } from "@/lib/rules/types";
import { appContainers, evidence, notApplicable, verdict } from "@/lib/rules/helpers/cluster";
import { plural } from "@/lib/rules/helpers/results";

/** Admin processes (XII): migrations run as Jobs or init containers, not inside the app's start command. */
export const rule: ClusterCheck = {
  id: "clusterMigrationsAsJobs",
  version: 1,
  factor: "admin-processes",
  judges: "cluster",
  effort: "medium",
  defaultWeight: 2,
  title: "Migrations run as Jobs or init containers",
  rationale: "Migrating in the app's command runs it once per replica, concurrently, on every restart.",
  evaluate(facts) {
    const inApp = appContainers(facts.workloads.filter((w) => w.kind !== "Job" && w.kind !== "CronJob")).filter(
      ({ c }) => c.runsMigrations,
    );
    const asJob = facts.workloads.some((w) =>
      w.containers.some((c) => c.runsMigrations && (c.init || w.kind === "Job" || w.kind === "CronJob")),
    );
    if (inApp.length === 0 && !asJob) return notApplicable("No migrations seen in the cluster.");
    return verdict(
      inApp.map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.command`, "runs migrations at start")),
      "Migrations run as a Job or an init container.",
      (n) => `${plural(n, "app container", { verb: "run" })} migrations in ${n === 1 ? "its" : "their"} start command.`,
    );
  },
};
