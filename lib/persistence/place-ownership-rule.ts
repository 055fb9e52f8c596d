import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Puts rule `id` at the 1-based `position` among the UI's rules (last when not given or past the end) and
 * numbers them all 1…n again, so positions stay the numbers the settings page and the service page show.
 */
export async function placeOwnershipRule(opts: { tx: Prisma.TransactionClient; id: number; position?: number }): Promise<number> {
  const rows = await opts.tx.ownershipRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
  const others = rows.map((r) => r.id).filter((id) => id !== opts.id);
  const at = Math.min(Math.max((opts.position ?? others.length + 1) - 1, 0), others.length);
  others.splice(at, 0, opts.id);
  for (const [i, id] of others.entries()) await opts.tx.ownershipRule.update({ where: { id }, data: { position: i + 1 } });
  return at + 1;
}
