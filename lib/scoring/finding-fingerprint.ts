import { createHash } from "node:crypto";
import type { Evidence, Finding } from "@/lib/rules/types";

/** Where a piece of evidence is, without its lines: a file moves down a few lines and stays the same finding. */
function locationOf(e: Evidence): string {
  return e.type === "repo" ? `repo:${e.path}` : `cluster:${e.cluster}/${e.namespace ?? ""}/${e.kind}/${e.name}`;
}

/**
 * A finding's identity for an exemption of that one finding: its check and the places its evidence points at
 * (files, workloads), never line numbers or messages. New evidence (another file failing the same check) makes
 * another finding, which the exemption does not cover. 16 hex characters.
 */
export function findingFingerprint(finding: Pick<Finding, "ruleId" | "evidence">): string {
  const places = [...new Set(finding.evidence.map(locationOf))].sort();
  return createHash("sha256")
    .update([finding.ruleId, ...places].join("\n"))
    .digest("hex")
    .slice(0, 16);
}
