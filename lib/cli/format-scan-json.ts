import type { NewFinding } from "@/lib/cli/find-new-findings";
import type { Evidence } from "@/lib/rules/types";
import type { ScanOutcome } from "@/lib/pipeline/types";

/**
 * The CLI's JSON: stable, documented in the README, meant for CI gates and scripts. Facts are left out (large,
 * and an internal snapshot format); every finding is included, passes too, with every location, so a consumer
 * can diff runs and a later run can take it as its `--baseline`. With a baseline, `newFindings` lists the
 * failing findings it does not hold, each with its new locations.
 */
export function formatScanJson(opts: { outcome: ScanOutcome; newFindings?: readonly NewFinding[] }): string {
  const services = opts.outcome.services.map((s) => ({
    name: s.name,
    path: s.path,
    score: s.score,
    grade: s.grade,
    factors: s.factors.map((f) => ({ factor: f.factor, score: f.score, passed: f.passed, failed: f.failed })),
    findings: s.findings.map((f) => ({
      ruleId: f.ruleId,
      factor: f.factor,
      outcome: f.outcome,
      message: f.message,
      evidence: f.evidence.map(evidenceJson),
    })),
  }));
  const failures = opts.outcome.failures.map((f) => ({ name: f.name, path: f.path, error: f.error }));
  const newFindings = opts.newFindings?.map((n) => ({
    service: n.service.name,
    path: n.service.path,
    ruleId: n.finding.ruleId,
    message: n.finding.message,
    evidence: n.evidence.map(evidenceJson),
  }));
  return JSON.stringify({ services, failures, ...(newFindings ? { newFindings } : {}) }, null, 2);
}

function evidenceJson(e: Evidence) {
  if (e.type === "repo") return { path: e.path, lineStart: e.lineStart, lineEnd: e.lineEnd, snippet: e.snippet };
  return { cluster: e.cluster, namespace: e.namespace, kind: e.kind, name: e.name, jsonPath: e.jsonPath };
}
