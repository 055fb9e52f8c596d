import type { Evidence, RuleResult } from "@/lib/rules/types";

// Stored findings stay small and readable: a rule reports at most this many locations.
export const MAX_EVIDENCE = 10;

export function pass(message: string, evidence: Evidence[] = []): RuleResult {
  return { outcome: "pass", message, evidence: evidence.slice(0, MAX_EVIDENCE) };
}

export function fail(message: string, evidence: Evidence[]): RuleResult {
  return { outcome: "fail", message, evidence: evidence.slice(0, MAX_EVIDENCE) };
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
