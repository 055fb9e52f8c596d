import type { Effort } from "@/lib/rules/types";

/** One failing check in one service, as a service's findings list them. */
export interface FailingCheck {
  ruleId: string;
  factor: string;
  weight: number;
  effort: Effort | string;
  service: string;
}

/** A check failing in `serviceCount` services; `services` names them, or the first few when grouped in SQL. */
export interface FailingRule {
  ruleId: string;
  factor: string;
  weight: number;
  effort: Effort | string;
  serviceCount: number;
  services: string[];
}

export interface FixFirstItem extends FailingRule {
  effort: string;
  /** Weight gained per unit of effort across every affected service; higher means fix sooner. */
  priority: number;
}

const EFFORT_COST: Record<string, number> = { low: 1, medium: 2, high: 4 };

/** How many fix-first items a page shows at most. */
export const FIX_FIRST_LIMIT = 10;

/**
 * Groups failing checks by rule and ranks them by what a fix buys: weight × services affected, divided by
 * the effort. A heavy check that takes ten minutes in four services comes before a light one in one.
 */
export function rankFixFirst(opts: { failing: FailingCheck[]; limit?: number }): FixFirstItem[] {
  const byRule = new Map<string, FailingRule>();
  for (const f of opts.failing) {
    const rule = byRule.get(f.ruleId) ?? {
      ruleId: f.ruleId,
      factor: f.factor,
      weight: f.weight,
      effort: f.effort,
      serviceCount: 0,
      services: [],
    };
    if (!rule.services.includes(f.service)) rule.services.push(f.service);
    rule.serviceCount = rule.services.length;
    byRule.set(f.ruleId, rule);
  }
  return rankFailingRules({ rules: [...byRule.values()], limit: opts.limit });
}

/** Ranks checks already grouped by rule (a team's, grouped in SQL by the rollups) the same way. */
export function rankFailingRules(opts: { rules: FailingRule[]; limit?: number }): FixFirstItem[] {
  return opts.rules
    .map((r) => ({
      ...r,
      effort: String(r.effort),
      services: [...r.services].sort(),
      priority: (r.weight * r.serviceCount) / (EFFORT_COST[r.effort] ?? 2),
    }))
    .sort((a, b) => b.priority - a.priority || a.ruleId.localeCompare(b.ruleId))
    .slice(0, opts.limit ?? FIX_FIRST_LIMIT);
}
