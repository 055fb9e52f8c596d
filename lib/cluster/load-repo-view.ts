import { db } from "@/lib/db";
import type { FactorId } from "@/lib/factors/factors";
import type { Effort, Evidence, Finding, ManifestObject, Outcome } from "@/lib/rules/types";

/**
 * What the repository side says about a service: its latest repository target's findings (for the combined
 * score) and declared manifests (for drift). Empty for a service only seen in a cluster.
 */
export async function loadRepoView(opts: { serviceId: number | null }): Promise<{ findings: Finding[]; manifests: ManifestObject[] }> {
  if (opts.serviceId === null) return { findings: [], manifests: [] };
  const service = await db().service.findUnique({
    where: { id: opts.serviceId },
    select: { latestTarget: { select: { facts: true, findings: { select: { ruleId: true, ruleVersion: true, factor: true, outcome: true, message: true, evidence: true, weight: true, effort: true } } } } },
  });
  const target = service?.latestTarget;
  if (!target) return { findings: [], manifests: [] };
  const manifests = ((target.facts as { manifests?: ManifestObject[] } | null)?.manifests ?? []);
  const findings = target.findings.map((f) => ({
    ruleId: f.ruleId, ruleVersion: f.ruleVersion, factor: f.factor as FactorId, title: f.ruleId, outcome: f.outcome as Outcome,
    message: f.message, evidence: f.evidence as unknown as Evidence[], weight: f.weight, effort: f.effort as Effort,
  }));
  return { findings, manifests };
}
