import { db } from "@/lib/db";
import type { Finding } from "@/lib/rules/types";
import type { ManifestObject } from "@/lib/facts/types";
import { FINDING_COLUMNS, toFinding } from "@/lib/persistence/to-finding";

/**
 * What the repository side says about a service: its latest repository target's findings (for the combined
 * score) and declared manifests (for drift). Empty for a service only seen in a cluster.
 */
export async function loadRepoView(opts: { serviceId: number | null }): Promise<{ findings: Finding[]; manifests: ManifestObject[] }> {
  if (opts.serviceId === null) return { findings: [], manifests: [] };
  const service = await db().service.findUnique({
    where: { id: opts.serviceId },
    select: { latestTarget: { select: { facts: true, findings: { select: FINDING_COLUMNS } } } },
  });
  const target = service?.latestTarget;
  if (!target) return { findings: [], manifests: [] };
  const manifests = ((target.facts as { manifests?: ManifestObject[] } | null)?.manifests ?? []);
  return { findings: target.findings.map(toFinding), manifests };
}
