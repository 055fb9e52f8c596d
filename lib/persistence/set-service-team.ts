import { z } from "zod";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { slugify } from "@/lib/text/slugify";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";
import { ensureTeam } from "@/lib/persistence/ensure-team";
import type { ServiceFacts } from "@/lib/facts/types";
import type { Prisma } from "@/lib/generated/prisma/client";

export const setServiceTeamInput = z.object({
  slug: z.string().min(1),
  /** Team name; empty clears the manual owner, and the owner its latest scan found applies again at once. */
  team: z.string().trim().max(80),
});

/**
 * Sets a service's team by hand. A manual owner wins over CODEOWNERS, catalog-info and cluster labels
 * until it is cleared; clearing it puts back the owner the service's latest scan found (its repository's,
 * or for a service only a cluster saw, its workloads' label), without waiting for the next scan. Today's
 * rollups of the team it left and the team it joined are refreshed at once, so both team pages and trends
 * agree with the move. With `audit`, an `owner.set` or `owner.clear` event (the team before and after) commits
 * with the move.
 */
export async function setServiceTeam(
  input: z.infer<typeof setServiceTeamInput> & { audit?: AuditContext },
): Promise<{ team: string | null; manual: boolean }> {
  const { slug, team } = setServiceTeamInput.parse(input);
  const service = await db().service.findUnique({
    where: { slug },
    select: {
      id: true,
      teamId: true,
      team: { select: { name: true } },
      latestTarget: { select: { facts: true } },
      workloads: { where: { goneAt: null }, select: { owners: true }, orderBy: { id: "asc" } },
    },
  });
  if (!service) throw new NotFoundError(`no service ${slug}`);
  const moved = await db().$transaction(async (tx) => {
    const teamId = await moveService({ tx, service, team });
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

/** The move itself: a named team (created when new) by hand, or back to the owner the latest scan found. */
async function moveService(opts: {
  tx: Prisma.TransactionClient;
  service: { id: number; latestTarget: { facts: unknown } | null; workloads: { owners: string[] }[] };
  team: string;
}): Promise<number | null> {
  const { tx, service, team } = opts;
  if (!team) {
    const facts = (service.latestTarget?.facts as Pick<ServiceFacts, "service"> | null)?.service;
    const [owner, from] = facts?.owners[0]
      ? [facts.owners[0], facts.ownerFrom ?? "repository"]
      : [service.workloads.flatMap((w) => w.owners)[0], "cluster label"];
    const teamId = await ensureTeam({ tx, owner });
    await tx.service.update({ where: { id: service.id }, data: { teamId, ownerSource: teamId ? from : null } });
    return teamId;
  }
  const teamSlug = slugify(team);
  const row = await tx.team.upsert({
    where: { slug: teamSlug },
    create: { slug: teamSlug, name: team },
    update: {},
    select: { id: true },
  });
  await tx.service.update({ where: { id: service.id }, data: { teamId: row.id, ownerSource: "manual" } });
  return row.id;
}
