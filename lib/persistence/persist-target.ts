import { db } from "@/lib/db";
import { describeError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
import { ensureService } from "@/lib/persistence/ensure-service";
import { ownerFactsOf } from "@/lib/ownership/owner-facts-of";
import { countTarget } from "@/lib/persistence/scan-run/count-target";
import { FINDING_COLUMNS, toFinding } from "@/lib/persistence/to-finding";
import { trimStoredFacts } from "@/lib/persistence/trim-stored-facts";
import { withUniqueRetry } from "@/lib/persistence/with-unique-retry";
import { rescoreService } from "@/lib/persistence/rescore-service";
import { syncCodeExemptions } from "@/lib/persistence/exemptions/sync-code-exemptions";
import { readAnnotationExemptions, readConfigExemptions } from "@/lib/facts/declared-exemptions";
import { declaredWorkloads } from "@/lib/facts/workload/declared-workloads";
import { tierLabelProblems } from "@/lib/tiers/resolve-tier";
import type { ClusterScanResult, ServiceScanResult } from "@/lib/pipeline/types";
import type { Finding } from "@/lib/rules/types";
import { instruments } from "@/lib/telemetry/instruments";

// Stored findings stay small and readable: a finding keeps at most this many locations in the database (its
// message still counts them all; the CLI's JSON and SARIF, which are not stored, carry every one).
const MAX_STORED_EVIDENCE = 10;
// A target's write is small (facts trimmed to 1 MB, evidence capped): more than Prisma's default 5 s means a
// database under strain, which a slower write survives better than a retried one.
const TRANSACTION_TIMEOUT_MS = 30_000;

/** A judged target of any source kind: a repository's service, or a service's share of a cluster audit. */
export type PersistableTarget =
  | { kind: "repository"; result: ServiceScanResult; commit?: string | null; repoUrl?: string | null }
  | { kind: "cluster"; result: ClusterScanResult; seenAt: Date };

/**
 * Writes one judged target in one transaction, for every kind of source: the target (its facts, its own
 * findings and factor scores), the service's latest target of that kind, and the service's combined view —
 * its repository findings and its cluster findings scored together (score, grade, per-factor scores and
 * per-check outcomes), so neither kind of scan overwrites what the other saw. A worker killed mid-scan leaves
 * the whole target or nothing, and re-running the same target of the same scan is a no-op (a retried job
 * resumes where the killed one stopped). Two workers creating the same team or service at once race on a
 * unique key; the loser's transaction rolled back whole and is tried again.
 */
export async function persistTarget(opts: {
  scanId: number;
  sourceId: number;
  target: PersistableTarget;
  /** Told of a write that failed (its reason in fixed words), before the error goes on to the caller. */
  log?: { warn: (fields: Record<string, unknown>, message: string) => void };
}): Promise<{ targetId: number; serviceId: number; skipped: boolean }> {
  let written;
  try {
    written = await withUniqueRetry(() => db().$transaction((tx) => write(tx, opts), { timeout: TRANSACTION_TIMEOUT_MS }));
  } catch (error) {
    opts.log?.warn({ scanId: opts.scanId, target: opts.target.result.key, reason: describeError(error) }, "target write failed");
    throw error;
  }
  // Only repository targets time their checks; a retried target already written is not counted twice.
  if (!written.skipped && opts.target.kind === "repository")
    instruments().targetDuration.observe({ target_kind: "repository" }, opts.target.result.durationMs / 1000);
  return written;
}

async function write(tx: Prisma.TransactionClient, opts: { scanId: number; sourceId: number; target: PersistableTarget }) {
  const { target } = opts;
  const { result } = target;
  const existing = await tx.scanTarget.findUnique({
    where: { scanId_targetKey: { scanId: opts.scanId, targetKey: result.key } },
    select: { id: true, serviceId: true },
  });
  if (existing) return { targetId: existing.id, serviceId: existing.serviceId ?? 0, skipped: true };

  const serviceId = await serviceOf(tx, opts.sourceId, target);
  // Exemptions kept in code (dozen.yaml, workload annotations) follow the code: synced before the service is scored.
  const exemptionProblems = await syncDeclaredExemptions(tx, serviceId, target);
  const row = await tx.scanTarget.create({
    data: {
      scanId: opts.scanId,
      serviceId,
      targetKey: result.key,
      status: "succeeded",
      score: result.score,
      grade: result.grade,
      ...(target.kind === "repository"
        ? {
            commit: target.commit ?? target.result.facts.vcs.commit,
            // Derived facts and redacted snippets, never the files' texts: sized to fit this transaction.
            facts: { ...trimStoredFacts({ facts: target.result.facts }), exemptionProblems } as unknown as Prisma.InputJsonValue,
            durationMs: Math.round(target.result.durationMs),
          }
        : {
            facts: {
              kind: "cluster",
              ...result.facts,
              drift: target.result.drift,
              exemptionProblems,
              // Workloads' dozen.dev/tier labels that are not 1–4: ignored, and said on the service page.
              tierProblems: tierLabelProblems(target.result.facts.workloads),
            } as unknown as Prisma.InputJsonValue,
          }),
    },
    select: { id: true, createdAt: true },
  });
  await tx.finding.createMany({
    data: result.findings.map((f) => ({
      targetId: row.id,
      ruleId: f.ruleId,
      ruleVersion: f.ruleVersion,
      factor: f.factor,
      outcome: f.outcome,
      message: f.message,
      evidence: f.evidence.slice(0, MAX_STORED_EVIDENCE) as unknown as Prisma.InputJsonValue,
      weight: f.weight,
      effort: f.effort,
    })),
  });
  await tx.factorScore.createMany({
    data: result.factors.map((s) => ({
      targetId: row.id,
      serviceId,
      factor: s.factor,
      score: s.score,
      passed: s.passed,
      failed: s.failed,
    })),
  });

  // The other view of the same service, as its latest target of the other kind left it.
  const other = await otherViewFindings(tx, serviceId, target.kind);
  const [repoFindings, clusterFindings] = target.kind === "repository" ? [result.findings, other] : [other, result.findings];
  const findings: Finding[] = [...repoFindings, ...clusterFindings];
  await tx.service.update({
    where: { id: serviceId },
    data: {
      latestScanAt: row.createdAt,
      goneAt: null,
      ...(target.kind === "repository"
        ? { latestTargetId: row.id, ...(target.repoUrl ? { repoUrl: target.repoUrl } : {}) }
        : { latestClusterTargetId: row.id }),
    },
  });
  if (target.kind === "cluster")
    await upsertWorkloads(tx, { sourceId: opts.sourceId, serviceId, result: target.result, seenAt: target.seenAt });
  // After the workloads, whose namespaces and labels rules may match.
  await applyOwnership({ tx, serviceIds: [serviceId] });
  // Scored with the exemptions in force now (code-declared ones just synced above) for the team it has now
  // (a team-wide exemption follows the owner just applied): exempt failures do not count.
  await rescoreService({ tx, serviceId, now: row.createdAt, findings });
  await countTarget({ tx, scanId: opts.scanId });
  return { targetId: row.id, serviceId, skipped: false };
}

async function syncDeclaredExemptions(tx: Prisma.TransactionClient, serviceId: number, target: PersistableTarget): Promise<string[]> {
  const declared =
    target.kind === "repository"
      ? [
          readConfigExemptions({ repoConfig: target.result.facts.repoConfig, service: target.result }),
          readAnnotationExemptions({ workloads: declaredWorkloads(target.result.facts.manifests).workloads, from: "manifest" }),
        ]
      : [readAnnotationExemptions({ workloads: target.result.facts.workloads, from: "cluster" })];
  const { slug } = await tx.service.findUniqueOrThrow({ where: { id: serviceId }, select: { slug: true } });
  const { problems } = await syncCodeExemptions({
    tx,
    serviceId,
    slug,
    families: target.kind === "repository" ? ["yaml", "manifest"] : ["cluster"],
    declared: declared.flatMap((d) => d.exemptions),
    now: new Date(),
  });
  return [...declared.flatMap((d) => d.problems), ...problems];
}

async function serviceOf(tx: Prisma.TransactionClient, sourceId: number, target: PersistableTarget): Promise<number> {
  if (target.kind === "repository") {
    const { result } = target;
    const service = await ensureService({
      tx,
      sourceId,
      name: result.name,
      path: result.path,
      languages: result.facts.service.languages,
      kind: result.kind,
      ...(result.facts.service.repository ? { repository: result.facts.service.repository } : {}),
      ownerFacts: ownerFactsOf({ service: result.facts.service, repoConfig: result.facts.repoConfig }),
    });
    return service.id;
  }
  const { result } = target;
  if (result.serviceId !== null) return result.serviceId;
  // Workloads no service claimed become a service of the cluster source, so they are shown and scored, never dropped.
  // Its owner comes from its workloads' team labels, read by applyOwnership once they are written.
  const { name, namespace } = result.group;
  return (await ensureService({ tx, sourceId, name, path: `${namespace}/${name}`, languages: [] })).id;
}

async function otherViewFindings(tx: Prisma.TransactionClient, serviceId: number, kind: PersistableTarget["kind"]): Promise<Finding[]> {
  const target = { select: { findings: { select: FINDING_COLUMNS } } };
  if (kind === "repository") {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { latestClusterTarget: target } });
    return service?.latestClusterTarget?.findings.map(toFinding) ?? [];
  }
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { latestTarget: target } });
  return service?.latestTarget?.findings.map(toFinding) ?? [];
}

async function upsertWorkloads(
  tx: Prisma.TransactionClient,
  opts: { sourceId: number; serviceId: number; result: ClusterScanResult; seenAt: Date },
): Promise<void> {
  for (const [i, w] of opts.result.facts.workloads.entries()) {
    const m = opts.result.mappings[i];
    const data = {
      serviceId: opts.serviceId,
      mappedBy: m?.mappedBy ?? "none",
      images: w.containers.map((c) => c.image),
      digests: w.running.digests,
      replicas: w.replicas,
      owners: m?.owners ?? [],
      labels: Object.entries(w.labels).map(([k, v]) => `${k}=${v}`),
      lastSeenAt: opts.seenAt,
      goneAt: null,
    };
    await tx.clusterWorkload.upsert({
      where: { sourceId_namespace_kind_name: { sourceId: opts.sourceId, namespace: w.namespace, kind: w.kind, name: w.name } },
      create: { sourceId: opts.sourceId, namespace: w.namespace, kind: w.kind, name: w.name, ...data },
      update: data,
    });
  }
}
