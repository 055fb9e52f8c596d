import { goalSchema, scopeSchema, type Goal, type Scope } from "@/lib/initiatives/initiative-input";

/**
 * An initiative's stored goal and scope (JSON columns) read back through the schemas that wrote them, so a
 * reader never trusts a cast. A goal whose check left the catalogue still reads (its services then count as
 * not applicable).
 */
export function readInitiativeRules(row: { goal: unknown; scope: unknown }): { goal: Goal; scope: Scope } {
  const goal = goalSchema.safeParse(row.goal);
  return {
    goal: goal.success ? goal.data : (row.goal as Goal),
    scope: scopeSchema.parse(row.scope ?? {}),
  };
}
