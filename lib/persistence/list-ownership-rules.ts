import { db } from "@/lib/db";
import { describeRule } from "@/lib/ownership/resolve-owner";
import type { OwnershipRuleKind } from "@/lib/ownership/types";
import { loadInstanceOwnership } from "@/lib/pipeline/load-instance-ownership";

export interface OwnershipRuleRow {
  /** Null for a rule of the instance file (changed by editing the file, not here). */
  id: number | null;
  origin: "file" | "ui";
  /** What the service page calls it: "rule 3", "instance file rule 1". */
  label: string;
  /** 1-based order within its origin. */
  position: number;
  kind: OwnershipRuleKind;
  pattern: string;
  description: string;
  /** The team, with its slug when it exists (a file rule's team is made at its first match). */
  team: { slug: string | null; name: string };
  /** Live services this rule gives their owner. */
  services: number;
  createdBy: string | null;
}

/**
 * The instance's ownership rules in the order they apply (the file's, then the UI's), each with how many
 * live services it owns now (from the applied owners, never re-matched here). `fileError` says why the
 * instance file could not be read, when it could not.
 */
export async function listOwnershipRules(): Promise<{ rules: OwnershipRuleRow[]; fileError: string | null }> {
  let fileRules: Awaited<ReturnType<typeof loadInstanceOwnership>> = [];
  let fileError: string | null = null;
  try {
    fileRules = await loadInstanceOwnership();
  } catch (error) {
    fileError = error instanceof Error ? error.message : "the ownership file cannot be read";
  }
  const [rows, counts, teams] = await Promise.all([
    db().ownershipRule.findMany({
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, pattern: true, createdBy: true, team: { select: { slug: true, name: true } } },
    }),
    db().service.groupBy({ by: ["ownerDetail"], where: { goneAt: null, ownerSource: "instance rule" }, _count: { _all: true } }),
    db().team.findMany({ select: { slug: true, name: true } }),
  ]);
  const owned = (label: string, kind: string, pattern: string) =>
    counts.find((c) => c.ownerDetail === `${label}: ${describeRule({ kind, pattern })}`)?._count._all ?? 0;
  const file: OwnershipRuleRow[] = fileRules.map((r, i) => {
    const label = `instance file rule ${i + 1}`;
    const team = teams.find((t) => t.name === r.team || t.slug === r.team);
    return {
      id: null,
      origin: "file",
      label,
      position: i + 1,
      kind: r.kind,
      pattern: r.pattern,
      description: describeRule(r),
      team: { slug: team?.slug ?? null, name: r.team },
      services: owned(label, r.kind, r.pattern),
      createdBy: null,
    };
  });
  const ui: OwnershipRuleRow[] = rows.map((r, i) => {
    const label = `rule ${i + 1}`;
    const kind = r.kind as OwnershipRuleKind;
    return {
      id: r.id,
      origin: "ui",
      label,
      position: i + 1,
      kind,
      pattern: r.pattern,
      description: describeRule(r),
      team: r.team,
      services: owned(label, r.kind, r.pattern),
      createdBy: r.createdBy,
    };
  });
  return { rules: [...file, ...ui], fileError };
}
