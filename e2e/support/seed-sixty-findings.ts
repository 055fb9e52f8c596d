// For the page-size spec: the demo fleet scanned into DATABASE_URL through the worker's write path, then
// admin-portal (the worst demo service) also audited in a cluster, every check a cluster runs failing with
// its workload named, as persistTarget writes a cluster scan: 46 repository + 14 cluster findings. Prints
// the slug and the count.
import { fileURLToPath } from "node:url";
import { db, disconnectDatabase } from "@/lib/db";
import { CLUSTER_CHECKS, RULES } from "@/lib/rules/registry";
import type { Finding } from "@/lib/rules/types";
import { persistClusterFindings } from "@/test/support/persist-cluster-findings";
import { scanIntoDatabase } from "@/test/support/scan-into-database";

const { sourceId } = await scanIntoDatabase({ root: fileURLToPath(new URL("../../examples/fleet", import.meta.url)), name: "demo" });
const service = await db().service.findUniqueOrThrow({ where: { slug: "admin-portal" }, select: { id: true } });
const clusterRun = [...CLUSTER_CHECKS, ...RULES.filter((c) => c.judges === "workload")];
const findings: Finding[] = clusterRun.map((check) => ({
  ruleId: check.id,
  ruleVersion: check.version,
  factor: check.factor,
  title: check.title,
  effort: check.effort,
  weight: check.defaultWeight,
  outcome: "fail",
  message: `${check.title}: not so for the Deployment admin-portal in namespace shop.`,
  evidence: [
    {
      type: "cluster",
      cluster: "prod",
      namespace: "shop",
      kind: "Deployment",
      name: "admin-portal",
      jsonPath: "spec.template.spec.containers[0]",
    },
  ],
}));
await persistClusterFindings({ sourceId, serviceId: service.id, name: "admin-portal", findings });
const { latestTargetId, latestClusterTargetId } = await db().service.findUniqueOrThrow({
  where: { id: service.id },
  select: { latestTargetId: true, latestClusterTargetId: true },
});
const total = await db().finding.count({ where: { targetId: { in: [latestTargetId!, latestClusterTargetId!] } } });
console.log(JSON.stringify({ slug: "admin-portal", findings: total }));
await disconnectDatabase();
