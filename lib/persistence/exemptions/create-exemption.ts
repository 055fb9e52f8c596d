import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { allows, type Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { exemptionPolicy } from "@/lib/env";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createExemptionInput, parseExpiry, type CreateExemptionInput } from "@/lib/exemptions/exemption-input";
import { EXEMPTION_SELECT, toExemptionSummary, type ExemptionSummary } from "@/lib/exemptions/list-exemptions";
import { rescoreCovered } from "@/lib/persistence/exemptions/rescore-covered";
import { updateRollupsSafely } from "@/lib/rollups/update-rollups-safely";
import { findRule } from "@/lib/rules/registry";
import type { ExemptionKind } from "@/lib/scoring/apply-exemptions";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether DOZEN_EXEMPTION_APPROVAL makes an exemption of `kind` wait for an admin. */
export function needsApproval(kind: ExemptionKind): boolean {
  const { approval } = exemptionPolicy();
  return approval === "all" || (approval === "accepted-risk" && kind === "accepted-risk");
}

/** The expiry refused when in the past or beyond DOZEN_EXEMPTION_MAX_DAYS; the message says which. */
export function checkExpiry(expiresAt: Date | null, now: Date): string | null {
  if (expiresAt === null) return null;
  const { maxDays } = exemptionPolicy();
  if (expiresAt.getTime() <= now.getTime()) return "must be in the future";
  if (expiresAt.getTime() > now.getTime() + maxDays * DAY_MS)
    return `at most ${maxDays} days ahead (DOZEN_EXEMPTION_MAX_DAYS), i.e. on or before ${new Date(now.getTime() + maxDays * DAY_MS - DAY_MS).toISOString().slice(0, 10)}`;
  return null;
}

function invalid(fields: Record<string, string>): ValidationError {
  const issues = Object.entries(fields).map(([k, m]) => `${k}: ${m}`);
  return new ValidationError(`invalid exemption: ${issues.join("; ")}`, { fields, issues });
}

/**
 * Makes an exemption from the service page or the API. Refused with ValidationError (400) for a bad input, an
 * expiry in the past or beyond DOZEN_EXEMPTION_MAX_DAYS, or a check the scope never saw; NotFoundError for an
 * unknown service, team or source; ForbiddenError unless `principal` is a maintainer of the owning team (an
 * admin for a whole source). Pending when DOZEN_EXEMPTION_APPROVAL asks for approval (an admin's own is
 * approved as made). The covered services are re-scored and `exemption.create` recorded in one transaction.
 */
export async function createExemption(opts: {
  input: CreateExemptionInput;
  principal: Principal;
  audit: AuditContext;
  origin: "ui" | "api";
  now?: Date;
}): Promise<ExemptionSummary> {
  const now = opts.now ?? new Date();
  const parsed = createExemptionInput.safeParse(opts.input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
    throw invalid(fields);
  }
  const input = parsed.data;
  const expiry = parseExpiry(input.expiresAt);
  const expiresAt = expiry instanceof Date ? expiry : null;
  const refusedExpiry = checkExpiry(expiresAt, now);
  if (refusedExpiry) throw invalid({ expiresAt: refusedExpiry });

  const target = await resolveTarget(input);
  const needed = input.scope === "source" ? "admin" : "maintainer";
  if (!allows(opts.principal, needed, { team: target.teamSlug }))
    throw new ForbiddenError(
      needed === "admin"
        ? `Exempting a check for a whole source needs the admin role; ${opts.principal.name} is a ${opts.principal.role}.`
        : `${opts.principal.name} may not exempt checks of ${target.label}.`,
    );
  if (!findRule(input.checkId) && !(await seenCheck(input.checkId, target)))
    throw invalid({ checkId: `no check "${input.checkId}" was judged for ${target.label}` });

  const pending = needsApproval(input.kind) && opts.principal.role !== "admin";
  const { summary, changed } = await db().$transaction(
    async (tx) => {
      const made = await tx.exemption.create({
        data: {
          scope: input.scope,
          ruleId: input.checkId,
          serviceId: target.serviceId,
          teamId: input.scope === "team" ? target.teamId : null,
          sourceId: input.scope === "source" ? target.sourceId : null,
          fingerprint: input.scope === "finding" ? (input.fingerprint ?? null) : null,
          kind: input.kind,
          reason: input.reason,
          expiresAt,
          status: pending ? "pending" : "active",
          origin: opts.origin,
          requestedBy: opts.principal.name,
          ...(pending ? {} : { approvedBy: opts.principal.name, approvedAt: now }),
        },
        select: { ...EXEMPTION_SELECT, serviceId: true, teamId: true, sourceId: true },
      });
      const summary = toExemptionSummary(made, now);
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: "exemption.create",
        target: { kind: "exemption", id: made.id, name: `${input.checkId} on ${target.label}` },
        detail: auditDetail(summary),
      });
      const changed = pending ? { serviceIds: [], teamIds: [] } : await rescoreCovered({ tx, coverage: [made], now });
      return { summary, changed };
    },
    { timeout: 60_000 },
  );
  await updateRollupsSafely({ plan: async () => (changed.serviceIds.length ? changed : null), context: { exemption: summary.id } });
  return summary;
}

/** What the audit log keeps of an exemption: enough to tell the story without the row. */
export function auditDetail(e: ExemptionSummary): Record<string, unknown> {
  return {
    scope: e.scope,
    checkId: e.checkId,
    service: e.service?.slug ?? null,
    team: e.team?.slug ?? null,
    source: e.source?.name ?? null,
    fingerprint: e.fingerprint,
    kind: e.kind,
    reason: e.reason,
    expiresAt: e.expiresAt,
    status: e.status,
    origin: e.origin,
  };
}

interface Target {
  serviceId: number | null;
  teamId: number | null;
  sourceId: number | null;
  teamSlug: string | null;
  label: string;
}

async function resolveTarget(input: { scope: string; service?: string; team?: string; source?: string }): Promise<Target> {
  if (input.scope === "team") {
    const team = await db().team.findUnique({ where: { slug: input.team ?? "" }, select: { id: true, slug: true } });
    if (!team) throw new NotFoundError(`no team "${input.team}"`);
    return { serviceId: null, teamId: team.id, sourceId: null, teamSlug: team.slug, label: `team ${team.slug}` };
  }
  if (input.scope === "source") {
    const source = await db().source.findFirst({ where: { name: input.source ?? "", deletedAt: null }, select: { id: true, name: true } });
    if (!source) throw new NotFoundError(`no source "${input.source}"`);
    return { serviceId: null, teamId: null, sourceId: source.id, teamSlug: null, label: `source ${source.name}` };
  }
  const service = await db().service.findUnique({
    where: { slug: input.service ?? "" },
    select: { id: true, slug: true, teamId: true, sourceId: true, team: { select: { slug: true } } },
  });
  if (!service) throw new NotFoundError(`no service "${input.service}"`);
  return {
    serviceId: service.id,
    teamId: service.teamId,
    sourceId: service.sourceId,
    teamSlug: service.team?.slug ?? null,
    label: service.slug,
  };
}

/** A check outside the catalogue (a custom check of a dozen.yaml) counts when a covered service was judged on it. */
async function seenCheck(checkId: string, target: Target): Promise<boolean> {
  const covered =
    target.serviceId !== null
      ? Prisma.sql`"id" = ${target.serviceId}`
      : target.teamId !== null
        ? Prisma.sql`"teamId" = ${target.teamId}`
        : Prisma.sql`"sourceId" = ${target.sourceId}`;
  const rows = await db().$queryRaw<unknown[]>`SELECT 1 FROM "Service" WHERE ${covered} AND "latestChecks" ? ${checkId} LIMIT 1`;
  return rows.length > 0;
}
