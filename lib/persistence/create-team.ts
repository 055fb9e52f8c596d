import { z } from "zod";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/text/slugify";

export const createTeamInput = z.strictObject({ name: z.string().trim().min(1).max(80) });

/**
 * Makes a team on purpose (Settings → Ownership, `POST /api/v1/teams`): the only way a team is made by hand,
 * so assigning services or writing a rule never starts one by a typo. A name whose slug is taken is a
 * ConflictError. Records `team.create`.
 */
export async function createTeam(opts: {
  input: z.infer<typeof createTeamInput>;
  audit: AuditContext;
}): Promise<{ slug: string; name: string }> {
  const { name } = createTeamInput.parse(opts.input);
  const slug = slugify(name);
  if (!slug) throw new ValidationError("a team's name needs a letter or a digit", { fields: { name: "no letter or digit" } });
  // The heatmap's filter for services no team owns is `team=unowned`.
  if (slug === "unowned") throw new ValidationError('"unowned" names the services no team owns', { fields: { name: "reserved" } });
  return db().$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { slug }, select: { id: true } })) throw new ConflictError(`a team ${slug} exists already`);
    const team = await tx.team.create({ data: { slug, name }, select: { id: true, slug: true, name: true } });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "team.create",
      target: { kind: "team", id: team.slug, name: team.name },
      detail: {},
    });
    return { slug: team.slug, name: team.name };
  });
}
