import assert from "node:assert/strict";
import { test } from "node:test";
import { CHECKS } from "@/lib/rules/registry";
import { rulesVersion } from "@/lib/rules/rules-version";

test("the rules version covers every check of the catalogue and every custom check's definition", () => {
  const catalogue = rulesVersion();
  assert.match(catalogue, new RegExp(`^${CHECKS.length}r-[0-9a-f]{10}$`));
  const runbook = { id: "hasRunbook", kind: "fileExists", glob: "docs/runbook.md" };
  const withCustom = rulesVersion({ custom: [runbook] });
  assert.match(withCustom, new RegExp(`^${CHECKS.length + 1}r-`));
  assert.notEqual(withCustom, catalogue);
  assert.notEqual(
    rulesVersion({ custom: [{ ...runbook, glob: "RUNBOOK.md" } as { id: string }] }),
    withCustom,
    "an edited custom check changes the version",
  );
  assert.equal(rulesVersion({ custom: [runbook] }), withCustom, "deterministic");
});
