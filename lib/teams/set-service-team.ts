import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { slugify } from "@/lib/text/slugify";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

export const setServiceTeamInput = z.object({
  slug: z.string().min(1),
  /** Team name; empty clears the manual owner so the repository's owner applies again at the next scan. */
  team: z.string().trim().max(80),
});

/**
 * Sets a service's team by hand. A manual owner wins over CODEOWNERS, catalog-info and cluster labels
 * until it is cleared. Today's rollups of the new and the old team are refreshed at once, so both team
 * pages and trends agree with the move without waiting for the next scan.
 */
export async function setServiceTeam(input: z.infer<typeof setServiceTeamInput>): Promise<{ team: string | null }> {
  const { slug, team } = setServiceTeamInput.parse(input);
  const service = await db().service.findUnique({ where: { slug }, select: { id: true, teamId: true } });
  if (!service) throw new NotFoundError(`no service ${slug}`);
  if (!team) {
    await db().service.update({ where: { id: service.id }, data: { ownerSource: null } });
    return { team: null };
  }
  const teamSlug = slugify(team);
  const row = await db().team.upsert({ where: { slug: teamSlug }, create: { slug: teamSlug, name: team }, update: {}, select: { id: true, name: true } });
  await db().service.update({ where: { id: service.id }, data: { teamId: row.id, ownerSource: "manual" } });
  if (service.teamId !== row.id) {
    await updateDailyRollups({ serviceIds: [service.id], teamIds: service.teamId === null ? [] : [service.teamId] });
  }
  return { team: row.name };
}
