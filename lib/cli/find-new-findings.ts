import { baselineKey, locationKey, NO_LOCATION, type Baseline } from "@/lib/cli/parse-baseline";
import type { ScanOutcome, ServiceScanResult } from "@/lib/pipeline/types";
import type { Finding, RepoEvidence } from "@/lib/rules/types";

/** A failing finding with locations the baseline does not have: what a new-findings gate fails on. */
export interface NewFinding {
  service: Pick<ServiceScanResult, "name" | "path">;
  finding: Finding;
  /** The finding's locations that are new (empty for a new finding with no file to point at). */
  evidence: RepoEvidence[];
}

/**
 * The failing findings of a scan that its baseline does not account for, matched by service, check and
 * location (file and snippet, not line), one for one: a second copy of a known bad line is new, a known one
 * that moved is not. Findings that are no longer there are not reported (they are progress, not a failure).
 */
export function findNewFindings(opts: { outcome: ScanOutcome; baseline: Baseline }): NewFinding[] {
  const left = new Map(opts.baseline);
  const take = (key: string) => {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    return n > 0;
  };
  const found: NewFinding[] = [];
  for (const service of opts.outcome.services) {
    for (const finding of service.findings.filter((f) => f.outcome === "fail")) {
      const located = finding.evidence.filter((e): e is RepoEvidence => e.type === "repo");
      const key = (where: string) => baselineKey(service.path, finding.ruleId, where);
      const fresh = located.filter((e) => !take(key(locationKey(e))));
      const isNew = located.length > 0 ? fresh.length > 0 : !take(key(NO_LOCATION));
      if (isNew) found.push({ service: { name: service.name, path: service.path }, finding, evidence: fresh });
    }
  }
  return found;
}
