import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";

/**
 * Revokes a token named by its id (`12`) or its prefix (`dzn_AbCd1234`, as lists show it): from now on it
 * is refused, and the audit log has a `token.revoke` event (same transaction). Revoking a revoked token
 * changes nothing. Throws NotFoundError when no token matches, ConflictError when a prefix matches several.
 */
export async function revokeApiToken(opts: {
  ref: string;
  audit: AuditContext;
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
  if (!token.revokedAt)
    await db().$transaction(async (tx) => {
      await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: opts.now ?? new Date() } });
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: "token.revoke",
        target: { kind: "token", id: token.id, name: token.name },
        detail: { prefix: token.prefix },
      });
    });
  return { id: token.id, name: token.name, prefix: token.prefix, alreadyRevoked: token.revokedAt !== null };
}
