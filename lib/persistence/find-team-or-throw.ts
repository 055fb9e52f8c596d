import type { Prisma } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/text/slugify";

/**
 * An existing team named by its slug or its name (any case), or a ValidationError that says to create it
 * first: assigning never makes a team, so a typo cannot start a new one.
 */
export async function findTeamOrThrow(opts: {
  tx: Prisma.TransactionClient;
  team: string;
}): Promise<{ id: number; slug: string; name: string }> {
  const wanted = opts.team.trim();
  const row = await opts.tx.team.findFirst({
    where: { OR: [{ slug: slugify(wanted) }, { name: { equals: wanted, mode: "insensitive" } }] },
    select: { id: true, slug: true, name: true },
  });
  if (!row)
    throw new ValidationError(`no team "${wanted}": create it first (Settings → Ownership, or POST /api/v1/teams)`, {
      fields: { team: "no such team" },
    });
  return row;
}
