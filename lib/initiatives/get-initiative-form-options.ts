import { db } from "@/lib/db";
import { SERVICE_KIND_LABEL, SERVICE_KIND_NAMES } from "@/lib/facts/service-kinds";
import { FACTORS } from "@/lib/factors/factors";
import { CHECKS } from "@/lib/rules/registry";

/** What the initiative form offers: the catalogue's checks, the factors, the service kinds, the teams and live sources. */
export async function getInitiativeFormOptions() {
  const [teams, sources] = await Promise.all([
    db().team.findMany({ orderBy: { slug: "asc" }, select: { slug: true } }),
    db().source.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  return {
    checks: [...new Map(CHECKS.map((c) => [c.id, { id: c.id, title: c.title }])).values()].sort((a, b) => a.id.localeCompare(b.id)),
    factors: FACTORS.map((f) => ({ id: f.id, label: `${f.roman}. ${f.name}` })),
    kinds: SERVICE_KIND_NAMES.map((k) => ({ id: k, label: SERVICE_KIND_LABEL[k] })),
    teams: teams.map((t) => t.slug),
    sources: sources.map((s) => s.name),
  };
}
