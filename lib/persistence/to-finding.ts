import type { FactorId } from "@/lib/factors/factors";
import type { Effort, Evidence, Finding, Outcome } from "@/lib/rules/types";

/** The columns of a stored Finding that scoring and drift need. */
export const FINDING_COLUMNS = {
  ruleId: true,
  ruleVersion: true,
  factor: true,
  outcome: true,
  message: true,
  evidence: true,
  weight: true,
  effort: true,
} as const;

interface FindingRow {
  ruleId: string;
  ruleVersion: number;
  factor: string;
  outcome: string;
  message: string;
  evidence: unknown;
  weight: number;
  effort: string;
}

/** A stored finding back as the evaluator's Finding, so stored and fresh findings score together. */
export function toFinding(row: FindingRow): Finding {
  return {
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    factor: row.factor as FactorId,
    title: row.ruleId,
    outcome: row.outcome as Outcome,
    message: row.message,
    evidence: row.evidence as Evidence[],
    weight: row.weight,
    effort: row.effort as Effort,
  };
}
