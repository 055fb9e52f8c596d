import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { fromJsonTimestamp } from "@/lib/db/json-timestamp";
import { exemptionCoversSql } from "@/lib/exemptions/find-applicable-exemptions";
import type { ExemptionKind, ExemptionScope } from "@/lib/scoring/apply-exemptions";

/** `expired`: active but past its expiry (its finding counts again); the others as stored. */
export type ExemptionStatus = "pending" | "active" | "revoked" | "expired";

/** An exemption as pages, the API and the CSV show it. */
export interface ExemptionSummary {
  id: number;
  scope: ExemptionScope;
  checkId: string;
  service: { slug: string; name: string } | null;
  team: { slug: string; name: string } | null;
  source: { name: string } | null;
  fingerprint: string | null;
  kind: ExemptionKind;
  reason: string;
  expiresAt: Date | null;
  status: ExemptionStatus;
  /** ui, api or code (dozen.yaml, a Kubernetes annotation). */
  origin: string;
  /** Code-declared: the file or workload that declares it. */
  location: string | null;
  requestedBy: string;
  approvedBy: string | null;
  revokedBy: string | null;
  createdAt: Date;
}

export const EXEMPTION_SELECT = {
  id: true,
  scope: true,
  ruleId: true,
  fingerprint: true,
  kind: true,
  reason: true,
  expiresAt: true,
  expiredAt: true,
  status: true,
  origin: true,
  location: true,
  requestedBy: true,
  approvedBy: true,
  revokedBy: true,
  createdAt: true,
  service: { select: { slug: true, name: true } },
  team: { select: { slug: true, name: true } },
  source: { select: { name: true } },
} as const satisfies Prisma.ExemptionSelect;

type Row = Prisma.ExemptionGetPayload<{ select: typeof EXEMPTION_SELECT }>;

/** A stored exemption as shown, its status read at `now` (an active one past its expiry is `expired`). */
export function toExemptionSummary(row: Row, now: Date): ExemptionSummary {
  const expired = row.status === "active" && (row.expiredAt !== null || (row.expiresAt !== null && row.expiresAt <= now));
  const { ruleId, expiredAt: _swept, ...rest } = row;
  return {
    ...rest,
    checkId: ruleId,
    scope: row.scope as ExemptionScope,
    kind: row.kind as ExemptionKind,
    status: expired ? "expired" : (row.status as ExemptionStatus),
  };
}

/**
 * Exemptions, newest first: those covering one service (its own, its team's and its source's), or of one team
 * (its own and its services'), or every one; `current` keeps only those pending or in force. At most `limit`.
 */
export async function listExemptions(
  opts: { service?: string; team?: string; current?: boolean; limit?: number; now?: Date } = {},
): Promise<ExemptionSummary[]> {
  const now = opts.now ?? new Date();
  const where: Prisma.ExemptionWhereInput[] = [];
  if (opts.service) {
    const s = await db().service.findUnique({ where: { slug: opts.service }, select: { id: true, teamId: true, sourceId: true } });
    if (!s) return [];
    where.push({
      OR: [
        { scope: { in: ["finding", "service"] }, serviceId: s.id },
        ...(s.teamId === null ? [] : [{ scope: "team", teamId: s.teamId }]),
        { scope: "source", sourceId: s.sourceId },
      ],
    });
  }
  if (opts.team) where.push({ OR: [{ team: { slug: opts.team } }, { service: { team: { slug: opts.team } } }] });
  if (opts.current)
    where.push({
      OR: [{ status: "pending" }, { status: "active", expiredAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
    });
  const rows = await db().exemption.findMany({
    where: { AND: where },
    select: EXEMPTION_SELECT,
    orderBy: { id: "desc" },
    take: opts.limit ?? 500,
  });
  return rows.map((r) => toExemptionSummary(r, now));
}

/**
 * SQL: the exemptions awaiting approval that cover the service aliased `s` (its own, its team's, its source's),
 * newest first, at most `limit`, as JSON rows of EXEMPTION_SELECT's shape (timestamps as PostgreSQL writes them):
 * what listExemptions({ service, current: true }) returns with status pending, for a page's one statement.
 */
export function pendingExemptionsSql(opts: { limit: number }): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', e."id", 'scope', e."scope", 'ruleId', e."ruleId",
      'fingerprint', e."fingerprint", 'kind', e."kind", 'reason', e."reason", 'expiresAt', e."expiresAt", 'expiredAt', e."expiredAt",
      'status', e."status", 'origin', e."origin", 'location', e."location", 'requestedBy', e."requestedBy", 'approvedBy', e."approvedBy",
      'revokedBy', e."revokedBy", 'createdAt', e."createdAt",
      'service', (SELECT json_build_object('slug', x."slug", 'name', x."name") FROM "Service" x WHERE x."id" = e."serviceId"),
      'team', (SELECT json_build_object('slug', x."slug", 'name', x."name") FROM "Team" x WHERE x."id" = e."teamId"),
      'source', (SELECT json_build_object('name', x."name") FROM "Source" x WHERE x."id" = e."sourceId")) ORDER BY e."id" DESC)
    FROM (SELECT e.* FROM "Exemption" e WHERE e."status" = 'pending' AND ${exemptionCoversSql()} ORDER BY e."id" DESC LIMIT ${opts.limit}) e), '[]')`;
}

/** A JSON row of pendingExemptionsSql as shown. */
export function toPendingExemption(
  row: Omit<Row, "expiresAt" | "expiredAt" | "createdAt"> & { expiresAt: string | null; expiredAt: string | null; createdAt: string },
  now: Date,
): ExemptionSummary {
  const at = (v: string | null) => (v === null ? null : fromJsonTimestamp(v));
  return toExemptionSummary(
    { ...row, expiresAt: at(row.expiresAt), expiredAt: at(row.expiredAt), createdAt: fromJsonTimestamp(row.createdAt) },
    now,
  );
}
