import type { Prisma } from "@/lib/generated/prisma/client";
import { ensureTeam } from "@/lib/persistence/ensure-team";
import { slugify } from "@/lib/text/slugify";

/**
 * Finds or creates the service at `path` in a source, inside the caller's transaction. The team comes
 * from the first owner the collector found (catalog-info, CODEOWNERS, dozen.yaml or a cluster label,
 * recorded as the service's owner source) unless a person set it by hand.
 */
export async function ensureService(opts: {
  tx: Prisma.TransactionClient;
  sourceId: number;
  name: string;
  path: string;
  languages: string[];
  /** The kind the scan classified it as; left as it is when not given (a cluster-only service). */
  kind?: string;
  owners: string[];
  /** Where `owners[0]` was declared, shown beside the team; "repository" when the facts predate the field. */
  ownerSource?: string;
}): Promise<{ id: number; slug: string }> {
  const { tx } = opts;
  const teamId = await ensureTeam({ tx, owner: opts.owners[0] });
  const ownerSource = teamId ? (opts.ownerSource ?? "repository") : null;
  const found = await tx.service.findUnique({
    where: { sourceId_path: { sourceId: opts.sourceId, path: opts.path } },
    select: { id: true, slug: true, ownerSource: true },
  });
  if (found) {
    await tx.service.update({
      where: { id: found.id },
      data: {
        name: opts.name,
        languages: opts.languages,
        ...(opts.kind ? { kind: opts.kind } : {}),
        // An owner set by hand in the UI wins over what the repository says.
        ...(found.ownerSource === "manual" ? {} : { teamId, ownerSource }),
      },
    });
    return { id: found.id, slug: found.slug };
  }
  const slug = await freeSlug({ tx, base: slugify(opts.name), sourceId: opts.sourceId });
  return tx.service.create({
    data: {
      slug,
      name: opts.name,
      sourceId: opts.sourceId,
      path: opts.path,
      languages: opts.languages,
      kind: opts.kind ?? null,
      teamId,
      ownerSource,
    },
    select: { id: true, slug: true },
  });
}

/** Two sources may both hold an "api": the second becomes "api-<source id>". */
async function freeSlug(opts: { tx: Prisma.TransactionClient; base: string; sourceId: number }): Promise<string> {
  const base = opts.base || "service";
  for (const candidate of [base, `${base}-${opts.sourceId}`]) {
    const taken = await opts.tx.service.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `${base}-${opts.sourceId}-${Date.now().toString(36)}`;
}
