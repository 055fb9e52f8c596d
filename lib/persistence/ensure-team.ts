import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/text/slugify";

/**
 * The team an owner string names, created if new, inside the caller's transaction; null without an owner.
 * "@acme/team-payments" (CODEOWNERS), "group:default/team-payments" (catalog-info) and "team-payments" (a
 * Kubernetes label) all name the team "team-payments".
 */
export async function ensureTeam(opts: { tx: Prisma.TransactionClient; owner: string | undefined }): Promise<number | null> {
  if (!opts.owner) return null;
  const name = opts.owner.replace(/^@/, "").split(/[/:]/).pop() ?? opts.owner;
  const slug = slugify(name);
  if (!slug) return null;
  // ON CONFLICT DO NOTHING: two workers creating the same team at once must not abort either transaction
  // (an upsert races and fails one of them with a unique violation).
  await opts.tx.team.createMany({ data: [{ slug, name }], skipDuplicates: true });
  const team = await opts.tx.team.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return team.id;
}
