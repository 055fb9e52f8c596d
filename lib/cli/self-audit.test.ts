import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { main } from "@/lib/cli/main";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Finding {
  ruleId: string;
  outcome: string;
  message: string;
  evidence?: { path?: string; lineStart?: number }[];
}

// Dozen preaches the twelve factors; `npx dozen scan .` on its own repository must find nothing to fix. A failing
// check here is either a regression in Dozen or a false positive of the check: fix the check, never this test.
test("Dozen audits itself at 100, grade A, every applicable check passing", async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main({
    argv: ["scan", ROOT, "--format", "json", "--min-score", "100"],
    output: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
  });
  const report = JSON.parse(out.join("\n")) as {
    services: { name: string; path: string; score: number; grade: string; findings: Finding[] }[];
  };
  const failing = report.services.flatMap((s) =>
    s.findings
      .filter((f) => f.outcome === "fail" || f.outcome === "error")
      .map(
        (f) =>
          `${s.name} ${f.ruleId}: ${f.message} ${(f.evidence ?? [])
            .slice(0, 3)
            .map((e) => `${e.path}:${e.lineStart}`)
            .join(", ")}`,
      ),
  );
  assert.deepEqual(failing, [], "no check fails on Dozen itself");
  assert.deepEqual(
    report.services.map((s) => [s.path, s.score, s.grade]),
    [[".", 100, "A"]],
    "one service, the repository, scored 100 (A)",
  );
  assert.equal(code, 0, `the --min-score 100 gate passes: ${err.join(" ")}`);
});
