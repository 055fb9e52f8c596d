import assert from "node:assert/strict";
import { it } from "node:test";
import type { Finding } from "@/lib/rules/types";
import { applyExemptions, type ApplicableExemption } from "@/lib/scoring/apply-exemptions";
import { findingFingerprint } from "@/lib/scoring/finding-fingerprint";
import { scoreFindings } from "@/lib/scoring/score-findings";

const finding = (ruleId: string, outcome: Finding["outcome"], path = "Dockerfile", line = 1): Finding => ({
  ruleId,
  ruleVersion: 1,
  factor: "config",
  title: ruleId,
  outcome,
  message: "",
  evidence: [{ type: "repo", path, lineStart: line, lineEnd: line, snippet: "" }],
  weight: 5,
  effort: "low",
});
const exemption = (over: Partial<ApplicableExemption>): ApplicableExemption => ({
  id: 1,
  scope: "service",
  ruleId: "a",
  fingerprint: null,
  kind: "false-positive",
  reason: "r",
  expiresAt: null,
  requestedBy: "ada",
  approvedBy: "ada",
  origin: "ui",
  ...over,
});

it("an exempt failure leaves the score like a check that did not apply; a pass is never exempted", () => {
  const findings = [finding("a", "fail"), finding("b", "pass"), finding("c", "pass")];
  assert.equal(scoreFindings({ findings }).score, 66.7);
  const judged = applyExemptions({ findings, exemptions: [exemption({ ruleId: "a" }), exemption({ id: 2, ruleId: "b" })] });
  assert.deepEqual(
    judged.map((f) => f.exemption?.id ?? null),
    [1, null, null],
  );
  const scored = scoreFindings({ findings: judged });
  assert.equal(scored.score, 100);
  assert.deepEqual(
    [scored.factors.find((f) => f.factor === "config")?.passed, scored.factors.find((f) => f.factor === "config")?.failed],
    [2, 0],
  );
});

it("a finding-scope exemption covers its finding only, whatever lines moved; the narrowest exemption is the one shown", () => {
  const exempted = finding("a", "fail", "Dockerfile", 3);
  const fingerprint = findingFingerprint(exempted);
  assert.equal(findingFingerprint(finding("a", "fail", "Dockerfile", 40)), fingerprint, "lines are not part of it");
  assert.notEqual(findingFingerprint(finding("a", "fail", "other/Dockerfile")), fingerprint);
  const exemptions = [exemption({ id: 7, scope: "team" }), exemption({ id: 9, scope: "finding", fingerprint })];
  const [same, other] = applyExemptions({ findings: [exempted, finding("a", "fail", "other/Dockerfile")], exemptions });
  assert.equal(same?.exemption?.id, 9);
  assert.equal(other?.exemption?.id, 7, "the team-wide one still covers another place");
  const [alone] = applyExemptions({ findings: [finding("a", "fail", "other/Dockerfile")], exemptions: [exemptions[1]!] });
  assert.equal(alone?.exemption, null);
});
