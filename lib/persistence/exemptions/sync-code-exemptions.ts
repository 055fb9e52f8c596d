import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { DeclaredExemption } from "@/lib/facts/declared-exemptions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseExpiry } from "@/lib/exemptions/exemption-input";
import { checkExpiry, needsApproval } from "@/lib/persistence/exemptions/create-exemption";

/** The code that declared them, as the audit log names it. */
const CODE_ACTOR: AuditActor = { kind: "system", id: "code", name: "code (dozen.yaml, annotations)" };

/**
 * Makes a service's code-declared exemptions (`origin: code`) match what its latest target declares, in the
 * target's own transaction: new ones are made (pending where DOZEN_EXEMPTION_APPROVAL asks), changed ones updated
 * (approved again where it asks), and those no longer declared revoked — each an audit event. Only keys of
 * `families` are touched: a repository scan owns `yaml:` and `manifest:` keys, a cluster audit `cluster:` keys.
 * An expiry past DOZEN_EXEMPTION_MAX_DAYS is not applied: answered as a problem, like a malformed entry.
 */
export async function syncCodeExemptions(opts: {
  tx: Prisma.TransactionClient;
  serviceId: number;
  slug: string;
  families: readonly ("yaml" | "manifest" | "cluster")[];
  declared: readonly DeclaredExemption[];
  now: Date;
}): Promise<{ problems: string[] }> {
  const { tx, now } = opts;
  const problems: string[] = [];
  const existing = await tx.exemption.findMany({
    where: { serviceId: opts.serviceId, origin: "code", OR: opts.families.map((f) => ({ codeKey: { startsWith: `${f}:` } })) },
    select: { id: true, codeKey: true, ruleId: true, kind: true, reason: true, expiresAt: true, status: true },
  });
  const byKey = new Map(existing.map((e) => [e.codeKey, e]));
  const audit = (
    action: "exemption.create" | "exemption.update" | "exemption.revoke",
    id: number,
    e: { checkId: string } & Record<string, unknown>,
  ) =>
    recordAuditEvent({
      tx,
      actor: CODE_ACTOR,
      action,
      target: { kind: "exemption", id, name: `${e.checkId} on ${opts.slug}` },
      detail: { scope: "service", service: opts.slug, origin: "code", ...e },
    });
  const kept = new Set<string>();
  for (const d of opts.declared) {
    const expiry = parseExpiry(d.expires);
    const expiresAt = expiry instanceof Date ? expiry : null;
    const refused = expiresAt && expiresAt > now ? checkExpiry(expiresAt, now) : null;
    if (refused) {
      problems.push(`${d.location}: ${d.checkId} expires ${d.expires}, ${refused}; not applied`);
      continue;
    }
    kept.add(d.key);
    const content = { ruleId: d.checkId, kind: d.kind, reason: d.reason, expiresAt, location: d.location };
    const status = needsApproval(d.kind) ? "pending" : "active";
    const detail = { checkId: d.checkId, kind: d.kind, reason: d.reason, expiresAt, location: d.location, status };
    const was = byKey.get(d.key);
    if (!was) {
      const made = await tx.exemption.create({
        data: {
          scope: "service",
          serviceId: opts.serviceId,
          origin: "code",
          codeKey: d.key,
          status,
          requestedBy: CODE_ACTOR.name,
          ...content,
        },
        select: { id: true },
      });
      await audit("exemption.create", made.id, detail);
    } else if (
      was.kind !== d.kind ||
      was.reason !== d.reason ||
      was.expiresAt?.getTime() !== expiresAt?.getTime() ||
      was.status === "revoked"
    ) {
      await tx.exemption.update({
        where: { id: was.id },
        data: { ...content, status, expiredAt: null, revokedAt: null, revokedBy: null, approvedBy: null, approvedAt: null },
        select: { id: true },
      });
      await audit("exemption.update", was.id, detail);
    }
  }
  for (const e of existing) {
    if (kept.has(e.codeKey ?? "") || e.status === "revoked") continue;
    await tx.exemption.update({
      where: { id: e.id },
      data: { status: "revoked", revokedBy: CODE_ACTOR.name, revokedAt: now },
      select: { id: true },
    });
    await audit("exemption.revoke", e.id, { checkId: e.ruleId, kind: e.kind, reason: e.reason, why: "no longer declared in code" });
  }
  return { problems };
}
