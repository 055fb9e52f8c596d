import type { NewFinding } from "@/lib/cli/find-new-findings";
import { FACTORS, findFactor } from "@/lib/factors/factors";
import type { Evidence } from "@/lib/rules/types";
import type { ScanOutcome, ServiceScanResult } from "@/lib/pipeline/types";
import { plural } from "@/lib/text/plural";

// A table for people: a finding shows its first few locations and says how many more `--format json` holds.
const SHOWN_EVIDENCE = 5;

/**
 * Human-readable scan report: a factor table per service, then its failing checks with `path:line` (the first
 * five, then "+N more"); against a baseline, the findings it does not hold.
 */
export function formatScanText(opts: { outcome: ScanOutcome; minScore?: number; newFindings?: readonly NewFinding[] }): string {
  const blocks = opts.outcome.services.map((s) => serviceBlock(s, opts.minScore));
  if (opts.outcome.failures.length > 0) {
    blocks.push(["Could not scan:", ...opts.outcome.failures.map((f) => `  ${f.name} (${f.path}): ${f.error}`)].join("\n"));
  }
  if (opts.newFindings && opts.newFindings.length > 0) blocks.push(newBlock(opts.newFindings));
  blocks.push(summary(opts.outcome, opts.minScore, opts.newFindings));
  return blocks.join("\n\n");
}

function serviceBlock(s: ServiceScanResult, minScore: number | undefined): string {
  const below = minScore !== undefined && s.score !== null && s.score < minScore ? `  (below --min-score ${minScore})` : "";
  const lines = [
    `${s.name}  ${s.path}`,
    `  score ${show(s.score)}  grade ${s.grade}${below}`,
    "",
    "  Factor                              Score  Pass  Fail",
  ];
  for (const f of s.factors) {
    const factor = findFactor(f.factor);
    const label = `${factor?.roman ?? ""} ${factor?.name ?? f.factor}`;
    lines.push(`  ${label.padEnd(34)} ${show(f.score).padStart(6)}  ${String(f.passed).padStart(4)}  ${String(f.failed).padStart(4)}`);
  }
  const failing = s.findings.filter((f) => f.outcome === "fail" || f.outcome === "error");
  if (failing.length > 0) {
    lines.push("", "  Failing checks:");
    for (const f of failing) {
      lines.push(`  ${f.outcome === "error" ? "ERROR" : "FAIL "} ${f.ruleId} [${findFactor(f.factor)?.roman ?? f.factor}] ${f.message}`);
      lines.push(...evidenceLines(f.evidence, "        "));
    }
  }
  return lines.join("\n");
}

function evidenceLines(evidence: readonly Evidence[], indent: string): string[] {
  const lines = evidence.slice(0, SHOWN_EVIDENCE).map((e) => `${indent}${where(e)}`);
  const more = evidence.length - SHOWN_EVIDENCE;
  if (more > 0) lines.push(`${indent}+${more} more (--format json lists every location)`);
  return lines;
}

function newBlock(found: readonly NewFinding[]): string {
  const lines = [`New since the baseline (${plural(found.length, "finding")}):`];
  for (const n of found) {
    lines.push(`  ${n.service.name}  ${n.finding.ruleId}  ${n.finding.message}`);
    lines.push(...evidenceLines(n.evidence, "        "));
  }
  return lines.join("\n");
}

function where(e: Evidence): string {
  if (e.type === "cluster") return `${e.cluster}/${e.namespace ?? "-"} ${e.kind}/${e.name} ${e.jsonPath}`;
  const snippet = e.snippet.split("\n")[0]?.trim() ?? "";
  return `${e.path}:${e.lineStart}${snippet ? `  ${snippet.length > 100 ? `${snippet.slice(0, 97)}...` : snippet}` : ""}`;
}

function summary(outcome: ScanOutcome, minScore: number | undefined, newFindings: readonly NewFinding[] | undefined): string {
  const grades = ["A", "B", "C", "D", "F", "N/A"]
    .map((g) => [g, outcome.services.filter((s) => s.grade === g).length] as const)
    .filter(([, n]) => n > 0);
  const parts = [`${plural(outcome.services.length, "service")} scanned`, grades.map(([g, n]) => `${n} ${g}`).join(", ")];
  if (outcome.failures.length > 0) parts.push(`${outcome.failures.length} failed`);
  if (minScore !== undefined) {
    const below = outcome.services.filter((s) => s.score !== null && s.score < minScore).length;
    parts.push(`${below} below ${minScore}`);
  }
  if (newFindings) parts.push(`${plural(newFindings.length, "new finding")} since the baseline`);
  return `${parts.filter(Boolean).join(" · ")}  (${FACTORS.length} factors)`;
}

function show(score: number | null): string {
  return score === null ? "N/A" : score.toFixed(1);
}
