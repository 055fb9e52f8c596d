import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { collectServiceFacts } from "@/lib/collectors/local/collect-service-facts";
import { listRuleFolders } from "@/lib/rules/render-registry";
import { RULES } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";

/**
 * One generic test for every rule: each `fixtures/<outcome>-<name>/` tree is collected with the real collector
 * and must produce <outcome> for its rule. Fixtures are copied to a temporary directory first, so the result
 * never depends on the checkout around them (e.g. Dozen's own git repository). A `fixture.json` of
 * `{ "git": true }` asks for the copy to be committed to a fresh git repository, since a `.git` folder cannot
 * itself be committed inside a fixture.
 */
const rulesDir = dirname(fileURLToPath(import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "dozen-fixtures-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

for (const folder of listRuleFolders({ rulesDir })) {
  const rule = RULES.find((r) => r.id === folder.id);
  describe(folder.id, () => {
    for (const fixture of folder.fixtures) {
      test(`${fixture.name} → ${fixture.outcome}`, async () => {
        assert.ok(rule, `${folder.id} is missing from the registry: regenerate it`);
        const root = prepare(fixture.dir, `${folder.id}-${fixture.name}`);
        const facts = await collectServiceFacts({ root, service: { name: fixture.name, path: ".", owners: [] } });
        const findings = runRules({ facts });
        const finding = findings.find((f) => f.ruleId === folder.id);
        assert.ok(finding, "the rule produced no finding");
        assert.equal(finding.outcome, fixture.outcome, `${finding.message}\n${JSON.stringify(finding.evidence, null, 2)}`);
        if (fixture.outcome === "fail") {
          assert.ok(finding.evidence.length > 0, "a fail must carry evidence");
          for (const e of finding.evidence) {
            assert.equal(e.type, "repo");
            if (e.type !== "repo") continue;
            assert.ok(facts.files.includes(e.path) || facts.files.some((f) => f.startsWith(`${e.path}/`)), `evidence path ${e.path} is not a file of the fixture`);
            assert.ok(e.lineStart >= 1 && e.lineEnd >= e.lineStart, `evidence lines ${e.lineStart}-${e.lineEnd}`);
          }
        }
        // No rule may crash on any fixture, whichever rule the fixture was written for.
        const errors = findings.filter((f) => f.outcome === "error").map((f) => f.message);
        assert.deepEqual(errors, []);
      });
    }
  });
}

function prepare(dir: string, name: string): string {
  const root = join(scratch, name);
  cpSync(dir, root, { recursive: true, filter: (src) => basename(src) !== "fixture.json" });
  const meta = join(dir, "fixture.json");
  const options = existsSync(meta) ? (JSON.parse(readFileSync(meta, "utf8")) as { git?: boolean }) : {};
  if (options.git) {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=fixture", "-c", "user.email=fixture@example.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: root, stdio: "ignore" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "fixture");
  }
  return root;
}
