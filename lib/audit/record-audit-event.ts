import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who acted: a Principal (lib/auth/principal.ts) fits as it is. Only what the log keeps is asked for, so
 * this module needs nothing but the database.
 */
export interface AuditActor {
  /** `system`: Dozen itself (an exemption's expiry, exemptions synced from code at a scan). */
  kind: "user" | "token" | "local" | "system";
  id: string;
  name: string;
}

/** Where a request came from: the first hop of X-Forwarded-For (else unknown) and its User-Agent. */
export interface RequestOrigin {
  remoteAddress: string | null;
  userAgent: string | null;
}

/** What a mutation needs to record itself: who asked, and from where (null for an admin command). */
export interface AuditContext {
  actor: AuditActor;
  origin: RequestOrigin | null;
}

/** Every action the log knows, `<target kind>.<verb>`. */
export const AUDIT_ACTIONS = [
  "source.create",
  "source.update",
  "source.pause",
  "source.resume",
  "source.delete",
  "scan.start",
  "owner.set",
  "owner.clear",
  "owner.bulk-set",
  "ownership-rule.create",
  "ownership-rule.update",
  "ownership-rule.delete",
  "team.create",
  "token.create",
  "token.revoke",
  "channel.create",
  "channel.delete",
  "initiative.create",
  "initiative.update",
  "initiative.close",
  "initiative.reopen",
  "initiative.delete",
  "settings.update",
  "exemption.create",
  "exemption.update",
  "exemption.approve",
  "exemption.revoke",
  "exemption.expire",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What was acted on: a source (id, name), a service (slug), a token (id, name), a notification channel (id, kind and host), a setting (its key). */
export interface AuditTarget {
  kind: string;
  id?: string | number | bigint | null;
  name?: string | null;
}

// Keys whose values are secrets wherever they appear. Variable *names* (tokenEnv, privateKeyEnv) are kept:
// they say which credential a source uses, never what it is.
const SECRET_KEY = /^(?:token|secret|password|passphrase|privateKey|clientSecret|apiKey|authorization|cookie|hash)$/i;
const MAX_TEXT = 500;

/** The detail as it may be stored: secret-named keys redacted, long strings cut, at most a few levels deep. */
function safeDetail(value: unknown, depth = 0): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (depth >= 4) return "…";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => safeDetail(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[key] = SECRET_KEY.test(key) ? "[redacted]" : safeDetail(v, depth + 1);
    }
    return out as Prisma.InputJsonObject;
  }
  return null;
}

/**
 * Appends one event to the audit log (the AuditEvent table, append-only: see its migration). Pass the
 * mutation's transaction as `tx`, so a mutation that fails leaves no event and a mutation never commits
 * without its event; without `tx` the event is written on its own (for a mutation that is not one
 * transaction, after it succeeded). `detail` says what changed — never a secret: keys such as `token`,
 * `secret` or `password` are redacted whatever the caller put there, and credential variables belong in it by
 * name only. Token creation and revocation (issue 14 item 3) call this with `token.create` / `token.revoke`.
 */
export async function recordAuditEvent(opts: {
  tx?: Prisma.TransactionClient;
  actor: AuditActor;
  origin?: RequestOrigin | null;
  action: AuditAction;
  target: AuditTarget;
  detail?: Record<string, unknown>;
}): Promise<void> {
  const client = opts.tx ?? db();
  await client.auditEvent.create({
    data: {
      actorKind: opts.actor.kind,
      actorId: opts.actor.id,
      actorName: opts.actor.name,
      action: opts.action,
      targetKind: opts.target.kind,
      targetId: opts.target.id === undefined || opts.target.id === null ? null : String(opts.target.id),
      targetName: opts.target.name ?? null,
      detail: (safeDetail(opts.detail ?? {}) ?? {}) as Prisma.InputJsonObject,
      remoteAddress: opts.origin?.remoteAddress ?? null,
      userAgent: opts.origin?.userAgent ?? null,
    },
    select: { id: true },
  });
}
