import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";

/**
 * Revokes a token named by its id (`12`) or its prefix (`dzn_AbCd1234`, as lists show it): from now on it
 * is refused. Revoking a revoked token changes nothing. Throws NotFoundError when no token matches and
 * ConflictError when a prefix matches more than one.
 */
export async function revokeApiToken(opts: {
  ref: string;
  now?: Date;
}): Promise<{ id: number; name: string; prefix: string; alreadyRevoked: boolean }> {
  const ref = opts.ref.trim();
  const where = /^\d{1,9}$/.test(ref) ? { id: Number(ref) } : { prefix: { startsWith: ref } };
  const found =
    ref.length < 8 && !("id" in where)
      ? []
      : await db().apiToken.findMany({ where, select: { id: true, name: true, prefix: true, revokedAt: true }, take: 2 });
  if (found.length === 0) throw new NotFoundError(`no API token with the id or prefix "${ref}"`);
  if (found.length > 1) throw new ConflictError(`more than one API token starts with "${ref}": name it by its id`);
  const token = found[0]!;
  if (!token.revokedAt) await db().apiToken.update({ where: { id: token.id }, data: { revokedAt: opts.now ?? new Date() } });
  return { id: token.id, name: token.name, prefix: token.prefix, alreadyRevoked: token.revokedAt !== null };
}
