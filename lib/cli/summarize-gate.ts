import type { NewFinding } from "@/lib/cli/find-new-findings";
import type { ScanOutcome } from "@/lib/pipeline/types";
import { plural } from "@/lib/text/plural";

// A CI log line, not a report: the first few names, then a count of the rest.
const NAMED = 5;

/**
 * Why the gate failed, one line per gate, for stderr beside a JSON or SARIF stdout (so a CI log says it without
 * opening the file): the services below `--min-score` with their scores, the targets that could not be
 * scanned (gate or no gate: they fail the run), and the findings not in `--baseline`. Empty when nothing failed.
 */
export function summarizeGate(opts: { outcome: ScanOutcome; minScore?: number; newFindings?: readonly NewFinding[] }): string[] {
  const lines: string[] = [];
  const { minScore, newFindings } = opts;
  if (minScore !== undefined) {
    const below = opts.outcome.services.flatMap((s) => (s.score !== null && s.score < minScore ? [{ ...s, score: s.score }] : []));
    const scores = below.sort((a, b) => a.score - b.score).map((s) => `${s.name} ${s.score.toFixed(1)} (${s.grade})`);
    if (below.length > 0) lines.push(`dozen: ${plural(below.length, "service")} below --min-score ${minScore}: ${named(scores)}`);
  }
  if (newFindings && newFindings.length > 0) {
    const where = newFindings.map((n) => {
      const first = n.evidence[0];
      return `${n.service.name} ${n.finding.ruleId}${first ? ` ${first.path}:${first.lineStart}` : ""}`;
    });
    lines.push(`dozen: ${plural(newFindings.length, "finding")} not in the baseline: ${named(where)}`);
  }
  const failures = opts.outcome.failures;
  if (failures.length > 0)
    lines.push(`dozen: ${plural(failures.length, "target")} could not be scanned: ${named(failures.map((f) => `${f.name} (${f.error})`))}`);
  return lines;
}

function named(items: string[]): string {
  const shown = items.slice(0, NAMED).join(", ");
  return items.length > NAMED ? `${shown} and ${items.length - NAMED} more` : shown;
}
