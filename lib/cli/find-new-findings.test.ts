import assert from "node:assert/strict";
import { test } from "node:test";
import { findNewFindings } from "@/lib/cli/find-new-findings";
import { formatScanJson } from "@/lib/cli/format-scan-json";
import { formatScanSarif } from "@/lib/cli/format-scan-sarif";
import { parseBaseline } from "@/lib/cli/parse-baseline";
import { summarizeGate } from "@/lib/cli/summarize-gate";
import { UsageError } from "@/lib/cli/usage-error";
import type { ScanOutcome, ServiceScanResult } from "@/lib/pipeline/types";
import type { Finding, RepoEvidence } from "@/lib/rules/types";
import { emptyFacts } from "@/test/support/empty-facts";

const at = (path: string, line: number, snippet: string): RepoEvidence => ({ type: "repo", path, lineStart: line, lineEnd: line, snippet });

function finding(ruleId: string, evidence: RepoEvidence[], outcome: Finding["outcome"] = "fail"): Finding {
  return {
    ruleId,
    ruleVersion: 1,
    factor: "port-binding",
    title: ruleId,
    outcome,
    message: `${ruleId} failed.`,
    evidence,
    weight: 5,
    effort: "low",
  };
}

function service(path: string, findings: Finding[], score = 40): ServiceScanResult {
  return {
    key: path,
    name: path,
    path,
    kind: "http",
    facts: emptyFacts(),
    findings,
    durationMs: 1,
    score,
    grade: score >= 90 ? "A" : "F",
    factors: [],
  };
}

function outcome(...services: ServiceScanResult[]): ScanOutcome {
  return { services, failures: [], unmatched: [] };
}

const base = outcome(
  service("api", [
    finding("readsPortFromEnv", [at("api/server.js", 3, "app.listen(8080);"), at("api/admin.js", 9, "app.listen(9090);")]),
    finding("exposesMetrics", []),
    finding("logsToStdout", [at("api/log.js", 1, "fs.createWriteStream('app.log')")], "pass"),
  ]),
  service("worker", [finding("handlesSigterm", [at("worker/main.go", 12, "for {")])]),
);

/** The new findings of `now` against `base` written out by each format, as `service check [new snippets]`. */
function newAgainst(now: ScanOutcome): Record<string, string[]> {
  const formats = {
    json: formatScanJson({ outcome: base }),
    sarif: formatScanSarif({ outcome: base, root: "/repo" }),
  };
  return Object.fromEntries(
    Object.entries(formats).map(([name, text]) => [
      name,
      findNewFindings({ outcome: now, baseline: parseBaseline({ text, file: name }) }).map(
        (n) => `${n.service.path} ${n.finding.ruleId} [${n.evidence.map((e) => e.snippet).join("|")}]`,
      ),
    ]),
  );
}

test("a baseline, JSON or SARIF, holds every failing location: new ones are found, moved or re-indented ones are not", () => {
  const table: [string, ScanOutcome, string[]][] = [
    ["the same scan", base, []],
    [
      "lines moved and re-indented, a fixed finding gone",
      outcome(
        service("api", [
          finding("readsPortFromEnv", [at("api/server.js", 30, "  app.listen(8080);  "), at("api/admin.js", 1, "app.listen(9090);")]),
        ]),
        service("worker", []),
      ),
      [],
    ],
    [
      "a new location of a known check, and a second copy of a known line",
      outcome(
        service("api", [
          finding("readsPortFromEnv", [
            at("api/server.js", 3, "app.listen(8080);"),
            at("api/server.js", 4, "app.listen(8080);"),
            at("api/admin.js", 9, "app.listen(9090);"),
          ]),
          finding("exposesMetrics", []),
        ]),
      ),
      ["api readsPortFromEnv [app.listen(8080);]"],
    ],
    [
      "a check that failed nowhere before, with and without evidence; a pass that now fails",
      outcome(
        service("api", [
          finding("bindsAllInterfaces", [at("api/server.js", 3, "app.listen(8080);")]),
          finding("logsToStdout", [at("api/log.js", 1, "fs.createWriteStream('app.log')")]),
        ]),
        service("worker", [finding("handlesSigterm", [at("worker/main.go", 12, "for {")]), finding("emitsTraces", [])]),
      ),
      ["api bindsAllInterfaces [app.listen(8080);]", "api logsToStdout [fs.createWriteStream('app.log')]", "worker emitsTraces []"],
    ],
    [
      "the same check and file in another service is new",
      outcome(service("billing", [finding("readsPortFromEnv", [at("api/server.js", 3, "app.listen(8080);")])])),
      ["billing readsPortFromEnv [app.listen(8080);]"],
    ],
  ];
  for (const [name, now, expected] of table) {
    const found = newAgainst(now);
    assert.deepEqual(found.json, expected, `${name} (JSON baseline)`);
    assert.deepEqual(found.sarif, expected, `${name} (SARIF baseline)`);
  }
});

test("a file that is neither dozen's JSON nor its SARIF is a usage error", () => {
  const table = ["not json", '{ "name": "x" }', '{ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": "Other" } } }] }'];
  for (const text of table) assert.throws(() => parseBaseline({ text, file: "b.json" }), UsageError, text);
});

test("the gate's stderr summary: one line per failed gate, worst first, the first five named", () => {
  const many = outcome(...[70, 20, 95, 50, 60, 30, 10].map((score, i) => service(`svc-${i}`, [], score)));
  const table: [string, Parameters<typeof summarizeGate>[0], string[]][] = [
    ["all above the bar", { outcome: many, minScore: 5 }, []],
    ["no gate", { outcome: many }, []],
    [
      "no gate, an unscanned target: it fails the run all the same",
      {
        outcome: {
          ...outcome(),
          failures: [{ key: "d", name: "dump", path: "dump", error: "more than 5 files (DOZEN_SERVICE_MAX_FILES)" }],
        },
      },
      ["dozen: 1 target could not be scanned: dump (more than 5 files (DOZEN_SERVICE_MAX_FILES))"],
    ],
    [
      "below the bar",
      { outcome: many, minScore: 55 },
      ["dozen: 4 services below --min-score 55: svc-6 10.0 (F), svc-1 20.0 (F), svc-5 30.0 (F), svc-3 50.0 (F)"],
    ],
    [
      "more than five",
      { outcome: many, minScore: 80 },
      ["dozen: 6 services below --min-score 80: svc-6 10.0 (F), svc-1 20.0 (F), svc-5 30.0 (F), svc-3 50.0 (F), svc-4 60.0 (F) and 1 more"],
    ],
    [
      "new findings and an unscanned target",
      {
        outcome: { ...outcome(), failures: [{ key: "b", name: "broken", path: "broken", error: "unreadable" }] },
        newFindings: [
          { service: { name: "api", path: "api" }, finding: finding("readsPortFromEnv", []), evidence: [at("api/s.js", 3, "x")] },
        ],
      },
      [
        "dozen: 1 finding not in the baseline: api readsPortFromEnv api/s.js:3",
        "dozen: 1 target could not be scanned: broken (unreadable)",
      ],
    ],
  ];
  for (const [name, input, expected] of table) assert.deepEqual(summarizeGate(input), expected, name);
});
