import type { Effort } from "@/lib/rules/types";

export interface FailingCheck {
  ruleId: string;
  factor: string;
  weight: number;
  effort: Effort | string;
  service: string;
}

export interface FixFirstItem {
  ruleId: string;
  factor: string;
  weight: number;
  effort: string;
  services: string[];
  /** Weight gained per unit of effort across every affected service; higher means fix sooner. */
  priority: number;
}

const EFFORT_COST: Record<string, number> = { low: 1, medium: 2, high: 4 };

/**
 * Groups failing checks by rule and ranks them by what a fix buys: weight × services affected, divided by
 * the effort. A heavy check that takes ten minutes in four services comes before a light one in one.
 */
export function rankFixFirst(opts: { failing: FailingCheck[]; limit?: number }): FixFirstItem[] {
  const byRule = new Map<string, FixFirstItem>();
  for (const f of opts.failing) {
    const item = byRule.get(f.ruleId) ?? { ruleId: f.ruleId, factor: f.factor, weight: f.weight, effort: f.effort, services: [], priority: 0 };
    if (!item.services.includes(f.service)) item.services.push(f.service);
    byRule.set(f.ruleId, item);
  }
  return [...byRule.values()]
    .map((i) => ({ ...i, services: i.services.sort(), priority: (i.weight * i.services.length) / (EFFORT_COST[i.effort] ?? 2) }))
    .sort((a, b) => b.priority - a.priority || a.ruleId.localeCompare(b.ruleId))
    .slice(0, opts.limit ?? 10);
}
