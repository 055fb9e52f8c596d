import { db } from "@/lib/db";
import { RULES } from "@/lib/rules/registry";

/**
 * One factor across the fleet: each of its checks with how many live services pass and fail it (from
 * their latest scans), and which services fail.
 */
export async function getFactorReport(opts: { factor: string }) {
  const rows = await db().finding.findMany({
    where: { factor: opts.factor, outcome: { in: ["pass", "fail"] }, target: { latestOf: { goneAt: null } } },
    select: { ruleId: true, outcome: true, target: { select: { service: { select: { slug: true, name: true } } } } },
  });
  const checks = RULES.filter((r) => r.factor === opts.factor).map((rule) => {
    const mine = rows.filter((r) => r.ruleId === rule.id);
    const failing = mine.flatMap((r) => (r.outcome === "fail" && r.target.service ? [r.target.service] : []));
    return {
      id: rule.id,
      title: rule.title,
      rationale: rule.rationale,
      effort: rule.effort,
      passed: mine.length - failing.length,
      failed: failing.length,
      failing: failing.sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
  return { checks };
}
