import { db } from "@/lib/db";
import { persistTarget } from "@/lib/persistence/persist-target";
import type { Finding } from "@/lib/rules/types";
import { rulesVersion } from "@/lib/rules/rules-version";
import { scoreFindings } from "@/lib/scoring/score-findings";

/**
 * What a cluster audit of one service writes, in a scan of its own: a cluster target holding `findings`
 * (no workloads), through the same persistTarget a cluster scan uses, so the service's combined view changes.
 */
export async function persistClusterFindings(opts: {
  sourceId: number;
  serviceId: number;
  name: string;
  findings: Finding[];
}): Promise<void> {
  const scan = await db().scan.create({
    data: { sourceId: opts.sourceId, trigger: "manual", rulesVersion: rulesVersion(), status: "running" },
    select: { id: true },
  });
  await persistTarget({
    scanId: scan.id,
    sourceId: opts.sourceId,
    target: {
      kind: "cluster",
      seenAt: new Date(),
      result: {
        key: `cluster:prod:service:${opts.serviceId}`,
        serviceId: opts.serviceId,
        group: { name: opts.name, namespace: "shop", owners: [] },
        facts: { schemaVersion: 1, cluster: "prod", workloads: [], services: [], hpas: [], pdbs: [] },
        drift: [],
        findings: opts.findings,
        mappings: [],
        ...scoreFindings({ findings: opts.findings }),
      },
    },
  });
}
