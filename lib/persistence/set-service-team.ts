import { z } from "zod";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
import { rescoreMovedServices } from "@/lib/persistence/exemptions/rescore-moved-services";
import { findTeamOrThrow } from "@/lib/persistence/find-team-or-throw";

export const setServiceTeamInput = z.object({
  slug: z.string().min(1),
  /** An existing team's name or slug; empty clears the manual owner, and the rules apply again at once. */
  team: z.string().trim().max(80),
});

/**
 * Sets a service's team by hand. The team must exist (a typo never creates one; teams are made on their own,
 * createTeam). A manual owner wins over every rule and file until it is cleared; clearing it applies the
 * ownership rules and what the latest scan found again (applyOwnership), without waiting for the next scan.
 * A moved service is re-scored in the same transaction (team-wide exemptions follow the team) and today's
 * rollups of the team it left and the team it joined are refreshed at once, so both team pages and trends
 * agree with the move. With `audit`, an `owner.set` or `owner.clear` event (the team before and after)
 * commits with the move, and the service page says who set it and when.
 */
export async function setServiceTeam(
  input: z.infer<typeof setServiceTeamInput> & { audit?: AuditContext },
): Promise<{ team: string | null; manual: boolean }> {
  const { slug, team } = setServiceTeamInput.parse(input);
  const service = await db().service.findUnique({
    where: { slug },
    select: { id: true, teamId: true, team: { select: { name: true } } },
  });
  if (!service) throw new NotFoundError(`no service ${slug}`);
  const moved = await db().$transaction(async (tx) => {
    let teamId: number | null;
    if (team) {
      const row = await findTeamOrThrow({ tx, team });
      const by = input.audit?.actor.name ?? "a person";
      const detail = `set by ${by} on ${new Date().toISOString().slice(0, 10)}`;
      await tx.service.update({ where: { id: service.id }, data: { teamId: row.id, ownerSource: "manual", ownerDetail: detail } });
      teamId = row.id;
    } else {
      await tx.service.update({ where: { id: service.id }, data: { ownerSource: null, ownerDetail: null } });
      await applyOwnership({ tx, serviceIds: [service.id] });
      teamId = (await tx.service.findUniqueOrThrow({ where: { id: service.id }, select: { teamId: true } })).teamId;
    }
    if (teamId !== service.teamId)
      await rescoreMovedServices({ tx, serviceIds: [service.id], teamIds: service.teamId === null ? [] : [service.teamId] });
    if (input.audit) {
      const after = teamId === null ? null : (await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } })).name;
      await recordAuditEvent({
        tx,
        ...input.audit,
        action: team ? "owner.set" : "owner.clear",
        target: { kind: "service", id: slug, name: slug },
        detail: { from: service.team?.name ?? null, to: after },
      });
    }
    return teamId;
  });
  if (service.teamId !== moved) {
    await updateDailyRollups({ serviceIds: [service.id], teamIds: service.teamId === null ? [] : [service.teamId] });
  }
  const name = moved === null ? null : (await db().team.findUniqueOrThrow({ where: { id: moved }, select: { name: true } })).name;
  return { team: name, manual: Boolean(team) };
}
