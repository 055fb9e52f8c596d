import type { Evidence, RuleResult } from "@/lib/rules/types";

// Checks report every location they judged: the CLI's JSON and SARIF carry them all (a baseline matches on
// them), and what is stored is bounded where it is stored (lib/persistence/persist-target.ts).

export function pass(message: string, evidence: Evidence[] = []): RuleResult {
  return { outcome: "pass", message, evidence };
}

export function fail(message: string, evidence: Evidence[]): RuleResult {
  return { outcome: "fail", message, evidence };
}

/** The check does not concern this service (no Dockerfile, so no Dockerfile check). */
export function notApplicable(message: string): RuleResult {
  return { outcome: "notApplicable", message, evidence: [] };
}

/** The check concerns the service but the facts cannot tell (e.g. the file was too large to read). */
export function notAvailable(message: string): RuleResult {
  return { outcome: "notAvailable", message, evidence: [] };
}

/** "1 file", "3 dependencies", "2 files lack": the one plural helper of every check's messages. */
export { plural } from "@/lib/text/plural";
