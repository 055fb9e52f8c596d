import { createHash } from "node:crypto";
import { RULES } from "@/lib/rules/registry";

/**
 * A short fingerprint of the rule catalogue (every rule id and version). Stored with each scan so a
 * result can be traced to the logic that produced it, and an unchanged target re-evaluated when it moves.
 */
export function rulesVersion(): string {
  const ids = RULES.map((r) => `${r.id}@${r.version}`).sort();
  return `${ids.length}r-${createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 10)}`;
}
