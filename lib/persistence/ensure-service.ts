import type { Prisma } from "@/lib/generated/prisma/client";
import type { OwnerFacts } from "@/lib/ownership/types";
import { slugify } from "@/lib/text/slugify";

/**
 * Finds or creates the service at `path` in a source, inside the caller's transaction, and records what its
 * scan found about ownership (`ownerFacts`, its repository). Who owns it is worked out after the target is
 * written (applyOwnership), from these and the rules.
 */
export async function ensureService(opts: {
  tx: Prisma.TransactionClient;
  sourceId: number;
  name: string;
  path: string;
  languages: string[];
  /** The kind the scan classified it as; left as it is when not given (a cluster-only service). */
  kind?: string;
  /** The repository it lives in; left as it is when not given (a cluster-only service). */
  repository?: string;
  /** What the repository says about its owners; left as it is when not given (a cluster-only service). */
  ownerFacts?: OwnerFacts;
}): Promise<{ id: number; slug: string }> {
  const { tx } = opts;
  const found = await tx.service.findUnique({
    where: { sourceId_path: { sourceId: opts.sourceId, path: opts.path } },
    select: { id: true, slug: true },
  });
  const known = {
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.repository ? { repository: opts.repository } : {}),
    ...(opts.ownerFacts ? { ownerFacts: opts.ownerFacts as Prisma.InputJsonValue } : {}),
  };
  if (found) {
    await tx.service.update({ where: { id: found.id }, data: { name: opts.name, languages: opts.languages, ...known } });
    return { id: found.id, slug: found.slug };
  }
  const slug = await freeSlug({ tx, base: slugify(opts.name), qualifier: opts.repository ?? opts.path });
  return tx.service.create({
    data: { slug, name: opts.name, sourceId: opts.sourceId, path: opts.path, languages: opts.languages, kind: null, ...known },
    select: { id: true, slug: true },
  });
}

/**
 * A slug no other service has, never a database id: the name, else the name and its repository (the second
 * "api" becomes "api-acme-shop"), else the name and its path, else those with a counter. A slug once given is
 * kept, so links stay valid.
 */
async function freeSlug(opts: { tx: Prisma.TransactionClient; base: string; qualifier: string }): Promise<string> {
  const base = opts.base || "service";
  const qualified = `${base}-${slugify(opts.qualifier)}`.replace(/-+$/, "");
  const candidates = [base, qualified, ...Array.from({ length: 50 }, (_, i) => `${qualified}-${i + 2}`)];
  for (const candidate of candidates) {
    const taken = await opts.tx.service.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `${qualified}-${Date.now().toString(36)}`;
}
