import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { Log } from "sarif";
import { findNewFindings } from "@/lib/cli/find-new-findings";
import { formatScanSarif } from "@/lib/cli/format-scan-sarif";
import { parseBaseline } from "@/lib/cli/parse-baseline";
import { RULES } from "@/lib/rules/registry";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import type { ScanOutcome } from "@/lib/pipeline/types";

// The official SARIF 2.1.0 schema (OASIS, final rtm.5), as Microsoft's SARIF SDK ships it.
const schemaPath = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
let outcome: ScanOutcome;
let log: Log;
before(async () => {
  outcome = await scanLocalDirectory({ root: fleet });
  log = JSON.parse(formatScanSarif({ outcome, root: fleet })) as Log;
});

function compileSchema() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
}

test("the fleet's SARIF validates against the official SARIF 2.1.0 schema", () => {
  const validate = compileSchema();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  assert.equal(log.version, "2.1.0");
  // The schema's language-tag pattern is not valid as a unicode RegExp, hence unicodeRegExp: false.
  // The validator must be able to say no: a result without a message breaks the schema.
  const broken = structuredClone(log);
  delete (broken.runs[0]?.results?.[0] as { message?: unknown }).message;
  assert.equal(validate(broken), false);
});

test("every check is a rule with descriptions, guide and factor/effort; every fail a result at repo-relative lines", () => {
  const run = log.runs[0];
  assert.ok(run);
  const rules = run.tool.driver.rules ?? [];
  assert.deepEqual(
    rules.map((r) => r.id),
    RULES.map((r) => r.id),
  );
  for (const rule of rules) {
    assert.ok(rule.name && rule.shortDescription?.text && rule.fullDescription?.text, rule.id);
    assert.match(rule.help?.markdown ?? "", /## Before \/ after/, rule.id);
    // Finding placeholders only; `${{ github.sha }}` in a workflow example is content, not a placeholder.
    assert.doesNotMatch(
      rule.help?.markdown ?? "",
      /\{\{\s*(path|line|snippet|name|kind|namespace)\s*\}\}/,
      `${rule.id} help shows raw placeholders`,
    );
    assert.ok(rule.properties?.factor && rule.properties.effort, rule.id);
  }
  const fails = outcome.services.flatMap((s) => s.findings.filter((f) => f.outcome === "fail"));
  const results = run.results ?? [];
  assert.equal(results.length, fails.length);
  for (const r of results) {
    assert.equal(r.level, "error");
    assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId);
    const physical = r.locations?.[0]?.physicalLocation;
    const uri = physical?.artifactLocation?.uri ?? "";
    assert.ok(!uri.startsWith("/") && existsSync(join(fleet, decodeURI(uri))), `${r.ruleId}: ${uri} is not a file under the scanned root`);
    assert.ok((physical?.region?.startLine ?? 0) >= 1 && (physical?.region?.endLine ?? 0) >= (physical?.region?.startLine ?? 0));
  }
  const port = results.find((r) => r.ruleId === "readsPortFromEnv" && r.properties?.service === "admin-portal");
  assert.equal(port?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, "admin-portal/server.js");
  assert.equal(port?.locations?.[0]?.physicalLocation?.region?.startLine, 45);
  const fingerprints = results.map((r) => r.partialFingerprints?.["dozenFinding/v1"]);
  assert.equal(new Set(fingerprints).size, results.length, "fingerprints must tell results apart");
});

test("against a baseline, each result says whether it is new, and the log still validates", () => {
  const [first, ...others] = outcome.services;
  assert.ok(first);
  // The baseline is the fleet without its first service: that service's failing findings are the new ones.
  const baseline = parseBaseline({ text: formatScanSarif({ outcome: { ...outcome, services: others }, root: fleet }), file: "base.sarif" });
  const newFindings = findNewFindings({ outcome, baseline });
  const withBaseline = JSON.parse(formatScanSarif({ outcome, root: fleet, newFindings })) as Log;
  const validate = compileSchema();
  assert.ok(validate(withBaseline), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const states = (withBaseline.runs[0]?.results ?? []).map((r) => [r.properties?.service, r.baselineState]);
  const firstFails = first.findings.filter((f) => f.outcome === "fail").length;
  assert.ok(firstFails > 0);
  assert.equal(states.filter(([, state]) => state === "new").length, firstFails);
  assert.ok(states.every(([service, state]) => (service === first.name ? state === "new" : state === "unchanged")));
});

test("every evidence location of a finding is in SARIF, none left out", () => {
  const many = outcome.services.flatMap((s) => s.findings.filter((f) => f.outcome === "fail").map((f) => ({ s, f })));
  assert.ok(
    many.some(({ f }) => f.evidence.length > 10),
    "the fleet has a finding with more than ten locations",
  );
  const results = log.runs[0]?.results ?? [];
  for (const { s, f } of many) {
    const r = results.find((x) => x.ruleId === f.ruleId && x.properties?.service === s.name);
    const repo = f.evidence.filter((e) => e.type === "repo").length;
    assert.equal((r?.locations?.[0]?.physicalLocation ? 1 : 0) + (r?.relatedLocations?.length ?? 0), repo, `${s.name} ${f.ruleId}`);
  }
});
