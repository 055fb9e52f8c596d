import { z } from "zod";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
import { rescoreMovedServices } from "@/lib/persistence/exemptions/rescore-moved-services";
import { findTeamOrThrow } from "@/lib/persistence/find-team-or-throw";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

export const assignServicesTeamInput = z.strictObject({
  /** The services' slugs, as the heatmap's checkboxes send them. */
  services: z.array(z.string().min(1).max(200)).min(1).max(1000),
  /** An existing team's slug or name; null hands the services back to the ownership rules. */
  team: z.string().trim().min(1).max(80).nullable(),
});

/**
 * Sets the owner of many services at once, by hand (it wins over the rules until handed back, like the service
 * page's form), to an existing team only: a ValidationError names a team that does not exist or a slug that
 * names no service. One `owner.bulk-set` event lists them; the moved services are re-scored (team-wide
 * exemptions follow the team) and today's rollups of every team involved follow.
 */
export async function assignServicesTeam(opts: {
  input: z.infer<typeof assignServicesTeamInput>;
  audit: AuditContext;
}): Promise<{ team: { slug: string; name: string } | null; services: number; moved: number }> {
  const { services: slugs, team } = assignServicesTeamInput.parse(opts.input);
  const wanted = [...new Set(slugs)];
  const by = opts.audit.actor.name;
  const result = await db().$transaction(async (tx) => {
    const rows = await tx.service.findMany({ where: { slug: { in: wanted } }, select: { id: true, slug: true, teamId: true } });
    const missing = wanted.filter((s) => !rows.some((r) => r.slug === s));
    if (missing.length) throw new ValidationError(`no service ${missing.slice(0, 5).join(", ")}`, { fields: { services: "unknown slug" } });
    const ids = rows.map((r) => r.id);
    const target = team ? await findTeamOrThrow({ tx, team }) : null;
    if (target) {
      const detail = `set by ${by} on ${new Date().toISOString().slice(0, 10)}`;
      await tx.service.updateMany({ where: { id: { in: ids } }, data: { teamId: target.id, ownerSource: "manual", ownerDetail: detail } });
    } else {
      await tx.service.updateMany({ where: { id: { in: ids }, ownerSource: "manual" }, data: { ownerSource: null, ownerDetail: null } });
      await applyOwnership({ tx, serviceIds: ids });
    }
    const after = await tx.service.findMany({ where: { id: { in: ids } }, select: { id: true, teamId: true } });
    const moved = after.filter((a) => rows.find((r) => r.id === a.id)?.teamId !== a.teamId);
    const left = moved.flatMap((m) => rows.find((r) => r.id === m.id)?.teamId ?? []);
    await rescoreMovedServices({ tx, serviceIds: moved.map((m) => m.id), teamIds: left });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "owner.bulk-set",
      target: { kind: "team", id: target?.slug ?? null, name: target?.name ?? "ownership rules" },
      detail: { services: wanted, to: target?.slug ?? null, moved: moved.length },
    });
    const teams = new Set([...rows.map((r) => r.teamId), ...after.map((a) => a.teamId)].filter((t): t is number => t !== null));
    return { target, ids, moved: moved.map((m) => m.id), teams: [...teams] };
  });
  if (result.moved.length) await updateDailyRollups({ serviceIds: result.moved, teamIds: result.teams });
  return {
    team: result.target ? { slug: result.target.slug, name: result.target.name } : null,
    services: result.ids.length,
    moved: result.moved.length,
  };
}
