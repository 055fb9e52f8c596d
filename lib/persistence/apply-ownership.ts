import { Prisma } from "@/lib/generated/prisma/client";
import { ensureTeam } from "@/lib/persistence/ensure-team";
import { loadOwnershipRules } from "@/lib/persistence/load-ownership-rules";
import { resolveOwner, type LabelledRule } from "@/lib/ownership/resolve-owner";
import type { OwnerFacts } from "@/lib/ownership/types";
import { resolveTier } from "@/lib/tiers/resolve-tier";

interface ServiceRow {
  id: number;
  path: string;
  repository: string | null;
  ownerSource: string | null;
  ownerDetail: string | null;
  teamId: number | null;
  tier: number | null;
  ownerFacts: OwnerFacts | null;
  legacy: { owners?: string[]; ownerFrom?: string } | null;
}

/**
 * Works out who owns the given services (every service without `serviceIds`) from the rules as they are now
 * and what their latest scans found (Service.ownerFacts, the workloads joined to them), and writes the team,
 * its source and the rule or line that gave it, inside the caller's transaction. An owner set by hand is left
 * alone. A team a declaration or a file rule names is created when new; a UI rule names an existing team.
 * Its tier is worked out the same way, from the same facts and workloads (lib/tiers/resolve-tier), owner set
 * by hand or not.
 * Returns the services whose team changed and the teams they left, so the caller refreshes their rollups.
 */
export async function applyOwnership(opts: {
  tx: Prisma.TransactionClient;
  serviceIds?: number[];
  /** The rules to apply, when the caller has them already. */
  rules?: LabelledRule[];
}): Promise<{ moved: number[]; leftTeams: number[] }> {
  const { tx } = opts;
  const rules = opts.rules ?? (await loadOwnershipRules({ tx }));
  const only = opts.serviceIds ? Prisma.sql`AND s."id" = ANY(${opts.serviceIds}::int[])` : Prisma.empty;
  const services = await tx.$queryRaw<ServiceRow[]>`
    SELECT s."id", s."path", s."repository", s."ownerSource", s."ownerDetail", s."teamId", s."tier", s."ownerFacts",
      CASE WHEN s."ownerFacts" IS NULL THEN st."facts"->'service' END AS "legacy"
    FROM "Service" s LEFT JOIN "ScanTarget" st ON st."id" = s."latestTargetId"
    WHERE TRUE ${only}`;
  if (services.length === 0) return { moved: [], leftTeams: [] };
  const workloads = await tx.clusterWorkload.findMany({
    where: { serviceId: { in: services.map((s) => s.id) }, goneAt: null },
    select: { serviceId: true, namespace: true, labels: true, owners: true },
    orderBy: { id: "asc" },
  });
  const teamIds = new Map<string, number | null>();
  const moved: number[] = [];
  const leftTeams = new Set<number>();
  for (const s of services) {
    const facts = s.ownerFacts ?? legacyFacts(s.legacy);
    const own = workloads.filter((w) => w.serviceId === s.id);
    const tier = resolveTier({ declared: facts.tier, workloadLabels: own.map((w) => w.labels) });
    if (tier !== s.tier) await tx.service.update({ where: { id: s.id }, data: { tier } });
    if (s.ownerSource === "manual") continue;
    const inputs = { facts, repository: s.repository, path: s.path, workloads: own };
    const owner = resolveOwner({ inputs, instanceRules: rules });
    let teamId: number | null = null;
    if (owner.team && "id" in owner.team) teamId = owner.team.id;
    else if (owner.team) {
      const name = owner.team.name;
      if (!teamIds.has(name)) teamIds.set(name, await ensureTeam({ tx, owner: name }));
      teamId = teamIds.get(name) ?? null;
    }
    const source = teamId === null ? null : owner.source;
    const detail = teamId === null ? null : owner.detail;
    if (teamId === s.teamId && source === s.ownerSource && detail === s.ownerDetail) continue;
    await tx.service.update({ where: { id: s.id }, data: { teamId, ownerSource: source, ownerDetail: detail } });
    if (teamId !== s.teamId) {
      moved.push(s.id);
      if (s.teamId !== null) leftTeams.add(s.teamId);
    }
  }
  return { moved, leftTeams: [...leftTeams] };
}

/** Facts stored before ownership was kept apart: the owners the collector found, the first naming the team. */
function legacyFacts(legacy: ServiceRow["legacy"]): OwnerFacts {
  const owners = legacy?.owners ?? [];
  if (!owners[0]) return {};
  if (legacy?.ownerFrom === "CODEOWNERS") return { codeowners: { owners, file: "CODEOWNERS", line: null } };
  return { declared: { owners, from: legacy?.ownerFrom === "dozen.yaml" ? "dozen.yaml" : "catalog-info.yaml" } };
}
