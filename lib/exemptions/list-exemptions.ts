import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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
