import type { z } from "zod";
import type { AuditFilter } from "@/lib/audit/list-audit-events";
import type { auditEventListQuery } from "@/lib/api/schemas/audit";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The query's filters as the audit log reads them. A bare day counts whole, in UTC: `from=2026-12-01` is
 * that day's midnight, `to=2026-12-05` the midnight after it, so a from–to range of days includes both.
 */
export function auditFilterOf(query: Omit<z.output<typeof auditEventListQuery>, "limit" | "cursor">): AuditFilter {
  const bare = (value: string) => /^\d{4}-\d\d-\d\d$/.test(value);
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(new Date(query.to).getTime() + (bare(query.to) ? DAY : 0));
  return { actor: query.actor, action: query.action, target: query.target, from, to };
}
