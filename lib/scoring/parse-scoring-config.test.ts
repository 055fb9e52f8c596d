import assert from "node:assert/strict";
import { test } from "node:test";
import { InvalidScoringConfigError, parseScoringConfig } from "@/lib/scoring/parse-scoring-config";
import { resolveWeights } from "@/lib/scoring/default-weights";
import type { CheckInfo } from "@/lib/rules/types";

const known = ["logsToStdout", "readsPortFromEnv"];

const valid: [name: string, text: string, rules: Record<string, unknown>][] = [
  ["empty file", "", {}],
  [
    "yaml",
    "rules:\n  logsToStdout: { weight: 2 }\n  readsPortFromEnv:\n    enabled: false\n",
    { logsToStdout: { weight: 2 }, readsPortFromEnv: { enabled: false } },
  ],
  ["json", '{"rules":{"logsToStdout":{"weight":0}}}', { logsToStdout: { weight: 0 } }],
  ["a service descriptor's keys", "name: billing\nowners: [team-payments]\n", {}],
];
for (const [name, text, rules] of valid) {
  test(`parses ${name}`, () => assert.deepEqual(parseScoringConfig({ text, source: name, knownRuleIds: known }).rules, rules));
}

const invalid: [name: string, text: string, issue: RegExp][] = [
  ["unknown rule id", "rules:\n  logToStdout: { weight: 2 }\n", /rules\.logToStdout: no such rule/],
  ["negative weight", "rules:\n  logsToStdout: { weight: -1 }\n", /rules\.logsToStdout\.weight/],
  ["unknown setting", "rules:\n  logsToStdout: { severity: high }\n", /severity/],
  ["unknown top-level key", "weights: {}\n", /weights/],
  ["bad yaml", "rules: [\n", /.+/],
  [
    "a custom check with an invalid regex",
    `checks:\n  - { id: noEval, factor: auth, title: t, guide: g, kind: fileNotMatches, glob: "*.js", pattern: "eval(" }\n`,
    /checks\.0\.pattern: invalid regular expression/,
  ],
  [
    "a custom check of an unknown kind",
    "checks:\n  - { id: x1, factor: auth, title: t, guide: g, kind: fileSmells, glob: a }\n",
    /checks\.0\.kind/,
  ],
  ["a custom check without a guide", "checks:\n  - { id: x1, factor: auth, title: t, kind: fileExists, glob: a }\n", /checks\.0\.guide/],
  [
    "a custom check on an unknown factor",
    "checks:\n  - { id: x1, factor: security, title: t, guide: g, kind: fileExists, glob: a }\n",
    /checks\.0\.factor/,
  ],
  [
    "a custom check reusing a built-in id",
    "checks:\n  - { id: logsToStdout, factor: logs, title: t, guide: g, kind: fileExists, glob: a }\n",
    /"logsToStdout" is already a built-in rule/,
  ],
  [
    "a custom check defined twice",
    "checks:\n  - { id: x1, factor: logs, title: t, guide: g, kind: fileExists, glob: a }\n  - { id: x1, factor: logs, title: t, guide: g, kind: fileAbsent, glob: b }\n",
    /checks\.1\.id: "x1" is defined twice/,
  ],
];
for (const [name, text, issue] of invalid) {
  test(`rejects ${name}`, () => {
    assert.throws(
      () => parseScoringConfig({ text, source: "dozen.yaml", knownRuleIds: known }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidScoringConfigError);
        assert.match(error.issues.join("\n"), issue);
        return true;
      },
    );
  });
}

test("custom checks get defaults, and rules: may re-weight them", () => {
  const text =
    "checks:\n  - { id: hasRunbook, factor: telemetry, title: A runbook, guide: Write one., kind: fileExists, glob: docs/runbook.md }\nrules:\n  hasRunbook: { weight: 7 }\n";
  const config = parseScoringConfig({ text, source: "dozen.yaml", knownRuleIds: known });
  assert.deepEqual(config.checks, [
    {
      id: "hasRunbook",
      factor: "telemetry",
      title: "A runbook",
      guide: "Write one.",
      kind: "fileExists",
      glob: "docs/runbook.md",
      weight: 3,
      effort: "medium",
    },
  ]);
  assert.deepEqual(config.rules, { hasRunbook: { weight: 7 } });
});

test("weights default to each rule's defaultWeight and are overlaid by config", () => {
  const rule = (id: string, defaultWeight: number) => ({ id, defaultWeight }) as CheckInfo;
  const settings = resolveWeights({
    rules: [rule("a", 3), rule("b", 5), rule("c", 1)],
    config: { rules: { a: { weight: 8 }, b: { enabled: false }, unknown: { weight: 1 } } },
  });
  assert.deepEqual(Object.fromEntries(settings), {
    a: { weight: 8, enabled: true },
    b: { weight: 5, enabled: false },
    c: { weight: 1, enabled: true },
  });
});
