import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { createApiTokenInput, expiryOf, type CreateApiTokenInput } from "@/lib/auth/api-tokens/api-token-input";
import { newTokenSecret } from "@/lib/auth/api-tokens/token-secret";

export interface CreatedApiToken {
  id: number;
  name: string;
  prefix: string;
  /** The whole token: shown once, to whoever made it, and never stored. */
  secret: string;
  expiresAt: Date | null;
}

/**
 * Makes an API token and returns its secret, the only time anyone sees it: the database keeps its SHA-256.
 * Its maker (`audit.actor`: a user, the local user, the admin command) is kept as `createdBy` and in the
 * audit log's `token.create` event, written in the same transaction. Throws a ZodError for bad input.
 */
export async function createApiToken(opts: { input: CreateApiTokenInput; audit: AuditContext; now?: Date }): Promise<CreatedApiToken> {
  const input = createApiTokenInput.parse(opts.input);
  const { secret, hash, prefix } = newTokenSecret();
  const expiresAt = expiryOf({ expiresIn: input.expiresIn, now: opts.now ?? new Date() });
  // Only a maintainer's teams mean anything: a viewer reads, an admin does, everything.
  const teams = input.role === "maintainer" ? [...new Set(input.teams)] : [];
  const row = await db().$transaction(async (tx) => {
    const made = await tx.apiToken.create({
      data: { name: input.name, role: input.role, teams, prefix, hash, createdBy: opts.audit.actor.name, expiresAt },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "token.create",
      target: { kind: "token", id: made.id, name: made.name },
      detail: { role: input.role, teams, prefix, expiresAt },
    });
    return made;
  });
  return { ...row, secret };
}
