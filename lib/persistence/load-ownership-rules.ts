import type { Prisma } from "@/lib/generated/prisma/client";
import { loadInstanceOwnership } from "@/lib/pipeline/load-instance-ownership";
import type { LabelledRule } from "@/lib/ownership/resolve-owner";
import type { OwnershipRuleKind } from "@/lib/ownership/types";

/**
 * The instance's ownership rules in the order they apply: the instance file's ("instance file rule 1", …),
 * then those made in the UI or API by position ("rule 1", …, the numbers the settings page shows).
 */
export async function loadOwnershipRules(opts: { tx: Prisma.TransactionClient }): Promise<LabelledRule[]> {
  const fromFile = await loadInstanceOwnership();
  const rows = await opts.tx.ownershipRule.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { kind: true, pattern: true, team: { select: { id: true, name: true } } },
  });
  return [
    ...fromFile.map((r, i) => ({ kind: r.kind, pattern: r.pattern, team: { name: r.team }, label: `instance file rule ${i + 1}` })),
    ...rows.map((r, i) => ({ kind: r.kind as OwnershipRuleKind, pattern: r.pattern, team: r.team, label: `rule ${i + 1}` })),
  ];
}
