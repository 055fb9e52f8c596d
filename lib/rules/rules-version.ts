import { createHash } from "node:crypto";
import { CHECKS } from "@/lib/rules/registry";

/**
 * A short fingerprint of the checks a scan ran: every check of the catalogue (repository, cluster and drift)
 * by id and version, plus the definitions of a config's custom checks (their id alone would hide an edited
 * pattern). Stored with each scan and each repository scanned, so a result can be traced to the logic
 * that produced it. `45r-…` counts the checks it covers.
 */
export function rulesVersion(opts: { custom?: readonly { id: string }[] } = {}): string {
  const custom = [...(opts.custom ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = CHECKS.map((r) => `${r.id}@${r.version}`).sort();
  const hash = createHash("sha256").update(ids.join(","));
  if (custom.length > 0) hash.update(`\n${JSON.stringify(custom)}`);
  return `${ids.length + custom.length}r-${hash.digest("hex").slice(0, 10)}`;
}
