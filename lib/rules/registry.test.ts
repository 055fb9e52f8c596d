import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { FACTORS } from "@/lib/factors/factors";
import { CHECKS, findRule, getGuide, RULES } from "@/lib/rules/registry";
import { listRuleFolders, renderRegistry } from "@/scripts/render-registry";

const rulesDir = dirname(fileURLToPath(import.meta.url));

test("registry.generated.ts is up to date with the rule folders", async () => {
  const rendered = await renderRegistry({ rulesDir });
  const committed = readFileSync(join(rulesDir, "registry.generated.ts"), "utf8");
  assert.ok(rendered === committed, "stale: run `npm run generate:registry` and commit the result");
});

test("rule ids are unique camelCase and every rule has a guide", () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z][a-zA-Z0-9]+$/);
    assert.ok(rule.defaultWeight >= 1 && rule.defaultWeight <= 10, `${rule.id} weight ${rule.defaultWeight}`);
    assert.ok((getGuide(rule.id) ?? "").length > 200, `${rule.id} guide is missing or too short`);
    assert.equal(findRule(rule.id), rule);
  }
  assert.equal(getGuide("noSuchRule"), undefined);
  assert.equal(getGuide("constructor"), undefined);
});

test("the catalogue has at least 45 rules and every factor at least two", () => {
  assert.ok(RULES.length >= 45, `${RULES.length} rules`);
  for (const factor of FACTORS) {
    const count = RULES.filter((r) => r.factor === factor.id).length;
    assert.ok(count >= 2, `${factor.roman} ${factor.name}: ${count} rule(s)`);
  }
});

test("every check of every kind has its folder with pass and fail fixtures, and every folder is a check", () => {
  const folders = listRuleFolders({ rulesDir });
  assert.deepEqual(folders.map((f) => f.id).sort(), CHECKS.map((c) => c.id).sort());
  for (const folder of folders) {
    for (const needed of ["pass", "fail"])
      assert.ok(
        folder.fixtures.some((f) => f.outcome === needed),
        `${folder.id} needs a ${needed}- fixture`,
      );
  }
  assert.ok(
    CHECKS.some((c) => c.judges === "cluster") && CHECKS.some((c) => c.judges === "both"),
    "cluster and cross checks are in the one catalogue",
  );
});
