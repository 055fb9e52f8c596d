import { FACTORS, findFactor } from "@/lib/factors/factors";
import type { Evidence } from "@/lib/rules/types";
import type { ScanOutcome, ServiceScanResult } from "@/lib/pipeline/types";

/** Human-readable scan report: a factor table per service, then its failing checks with `path:line`. */
export function formatScanText(opts: { outcome: ScanOutcome; minScore?: number }): string {
  const blocks = opts.outcome.services.map((s) => serviceBlock(s, opts.minScore));
  if (opts.outcome.failures.length > 0) {
    blocks.push(["Could not scan:", ...opts.outcome.failures.map((f) => `  ${f.name} (${f.path}): ${f.error}`)].join("\n"));
  }
  blocks.push(summary(opts.outcome, opts.minScore));
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
      for (const e of f.evidence) lines.push(`        ${where(e)}`);
    }
  }
  return lines.join("\n");
}

function where(e: Evidence): string {
  if (e.type === "cluster") return `${e.cluster}/${e.namespace ?? "-"} ${e.kind}/${e.name} ${e.jsonPath}`;
  const snippet = e.snippet.split("\n")[0]?.trim() ?? "";
  return `${e.path}:${e.lineStart}${snippet ? `  ${snippet.length > 100 ? `${snippet.slice(0, 97)}...` : snippet}` : ""}`;
}

function summary(outcome: ScanOutcome, minScore: number | undefined): string {
  const grades = ["A", "B", "C", "D", "F", "N/A"]
    .map((g) => [g, outcome.services.filter((s) => s.grade === g).length] as const)
    .filter(([, n]) => n > 0);
  const parts = [`${outcome.services.length} service(s) scanned`, grades.map(([g, n]) => `${n} ${g}`).join(", ")];
  if (outcome.failures.length > 0) parts.push(`${outcome.failures.length} failed`);
  if (minScore !== undefined) {
    const below = outcome.services.filter((s) => s.score !== null && s.score < minScore).length;
    parts.push(`${below} below ${minScore}`);
  }
  return `${parts.filter(Boolean).join(" · ")}  (${FACTORS.length} factors)`;
}

function show(score: number | null): string {
  return score === null ? "N/A" : score.toFixed(1);
}
