import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadScoringConfig } from "@/lib/pipeline/load-scoring-config";
import { InvalidScoringConfigError } from "@/lib/scoring/parse-scoring-config";

const known = ["logsToStdout", "readsPortFromEnv"];

test("loads dozen.yaml from a root, an explicit path must exist", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dozen-config-"));
  try {
    assert.equal(await loadScoringConfig({ root: dir }), undefined);
    writeFileSync(join(dir, "dozen.yaml"), "rules:\n  logsToStdout: { weight: 7 }\n");
    assert.deepEqual((await loadScoringConfig({ root: dir, knownRuleIds: known }))?.rules, { logsToStdout: { weight: 7 } });
    await assert.rejects(loadScoringConfig({ path: join(dir, "missing.yaml") }), InvalidScoringConfigError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a dozen.yaml that is a symlink, a FIFO or too large is never read", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dozen-config-"));
  try {
    writeFileSync(join(dir, "secret.txt"), "rules:\n  logsToStdout: { weight: 7 }\n");
    const { symlinkSync } = await import("node:fs");
    symlinkSync(join(dir, "secret.txt"), join(dir, "dozen.yaml"));
    assert.equal(await loadScoringConfig({ root: dir, knownRuleIds: known }), undefined);
    writeFileSync(join(dir, "dozen.yml"), `# ${"x".repeat(300 * 1024)}\n`);
    assert.equal(await loadScoringConfig({ root: dir, knownRuleIds: known }), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
