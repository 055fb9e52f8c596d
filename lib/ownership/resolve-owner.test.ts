import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchOwnershipRule } from "@/lib/ownership/match-ownership-rule";
import { parseOwnershipList } from "@/lib/ownership/parse-ownership-list";
import { resolveOwner, type LabelledRule } from "@/lib/ownership/resolve-owner";
import type { OwnerInputs } from "@/lib/ownership/types";

const base: OwnerInputs = { facts: {}, repository: "acme/pay-gateway", path: "acme/pay-gateway/services/api", workloads: [] };
const rule = (kind: LabelledRule["kind"], pattern: string, team: string, label = "rule 1"): LabelledRule => ({
  kind,
  pattern,
  team: { name: team },
  label,
});

describe("matchOwnershipRule", () => {
  const cases: [string, LabelledRule["kind"], string, Partial<OwnerInputs>, boolean][] = [
    ["a repository glob", "repository", "acme/pay-*", {}, true],
    ["a repository glob is case-insensitive", "repository", "ACME/Pay-*", {}, true],
    ["`*` stays within a segment", "repository", "acme*", {}, false],
    ["another repository", "repository", "acme/shop", {}, false],
    ["a path glob across folders", "path", "**/services/api", {}, true],
    ["a path's folder itself with /**", "path", "acme/pay-gateway/services/**", {}, true],
    ["a leading ./ is ignored", "path", "./acme/pay-gateway/services/api", {}, true],
    ["a path that is only a prefix", "path", "acme/pay-gateway", {}, false],
    [
      "a CODEOWNERS group",
      "codeowners",
      "@acme/payments",
      { facts: { codeowners: { owners: ["@acme/payments"], file: "CODEOWNERS", line: 4 } } },
      true,
    ],
    [
      "a CODEOWNERS group glob",
      "codeowners",
      "@acme/*",
      { facts: { codeowners: { owners: ["@acme/payments"], file: "CODEOWNERS", line: 4 } } },
      true,
    ],
    ["no CODEOWNERS", "codeowners", "@acme/*", {}, false],
    ["a workload's namespace", "namespace", "pay-*", { workloads: [{ namespace: "pay-prod", labels: [], owners: [] }] }, true],
    ["no workload, no namespace", "namespace", "*", {}, false],
    ["a workload label", "label", "team=pay*", { workloads: [{ namespace: "x", labels: ["team=payments"], owners: [] }] }, true],
    [
      "a label with another key",
      "label",
      "squad=payments",
      { workloads: [{ namespace: "x", labels: ["team=payments"], owners: [] }] },
      false,
    ],
  ];
  for (const [title, kind, pattern, inputs, expected] of cases) {
    it(`${expected ? "matches" : "does not match"} ${title}`, () => {
      assert.equal(matchOwnershipRule({ rule: { kind, pattern }, inputs: { ...base, ...inputs } }), expected);
    });
  }
});

describe("resolveOwner precedence", () => {
  const codeowners = { owners: ["@acme/demo-approvers"], file: ".github/CODEOWNERS", line: 12 };
  const everything: OwnerInputs = {
    ...base,
    facts: {
      declared: { owners: ["group:default/team-declared"], from: "catalog-info.yaml" },
      sourceRules: [{ kind: "path", pattern: "**/api", team: "source-team" }],
      codeowners,
    },
    workloads: [{ namespace: "pay", labels: [], owners: ["label-team"] }],
  };
  const instance = [
    rule("repository", "acme/nothing", "never", "instance file rule 1"),
    rule("repository", "acme/pay-*", "payments", "rule 3"),
  ];

  it("takes the service's own declaration first", () => {
    assert.deepEqual(resolveOwner({ inputs: everything, instanceRules: instance }), {
      team: { name: "team-declared" },
      source: "catalog-info.yaml",
      detail: "from catalog-info.yaml",
    });
  });
  it("then the source's dozen.yaml rules", () => {
    const inputs = { ...everything, facts: { ...everything.facts, declared: undefined } };
    assert.deepEqual(resolveOwner({ inputs, instanceRules: instance }), {
      team: { name: "source-team" },
      source: "dozen.yaml rule",
      detail: "dozen.yaml rule 1: path `**/api`",
    });
  });
  it("then the instance's rules, the first that matches, named as the settings page numbers them", () => {
    const inputs = { ...everything, facts: { codeowners } };
    assert.deepEqual(resolveOwner({ inputs, instanceRules: instance }), {
      team: { name: "payments" },
      source: "instance rule",
      detail: "rule 3: repository `acme/pay-*`",
    });
  });
  it("then a team label on its workloads", () => {
    const inputs = { ...everything, facts: { codeowners } };
    assert.deepEqual(resolveOwner({ inputs, instanceRules: [instance[0]!] }).team, { name: "label-team" });
  });
  it("takes a CODEOWNERS group as a team only while there is no rule at all, naming the line", () => {
    const inputs = { ...base, facts: { codeowners } };
    assert.deepEqual(resolveOwner({ inputs, instanceRules: [] }), {
      team: { name: "demo-approvers" },
      source: "CODEOWNERS",
      detail: "from CODEOWNERS line 12 (@acme/demo-approvers)",
    });
    assert.deepEqual(
      resolveOwner({ inputs, instanceRules: [instance[0]!] }),
      { team: null, source: null, detail: null },
      "unowned, not a silent team",
    );
  });
  it("maps a CODEOWNERS group through an explicit rule", () => {
    const inputs = { ...base, facts: { codeowners } };
    const mapped = resolveOwner({ inputs, instanceRules: [rule("codeowners", "@acme/demo-approvers", "release", "rule 1")] });
    assert.deepEqual(mapped.team, { name: "release" });
    assert.equal(mapped.detail, "rule 1: CODEOWNERS group `@acme/demo-approvers`");
  });
});

describe("parseOwnershipList", () => {
  it("reads dozen.yaml's ownership: list in file order", () => {
    const text = "rules: {}\nownership:\n  - repository: acme/pay-*\n    team: payments\n  - label: team=search\n    team: search\n";
    assert.deepEqual(parseOwnershipList({ text, source: "dozen.yaml" }), [
      { kind: "repository", pattern: "acme/pay-*", team: "payments" },
      { kind: "label", pattern: "team=search", team: "search" },
    ]);
  });
  it("has no rules without the key", () => {
    assert.deepEqual(parseOwnershipList({ text: "layout: repository-per-folder\n", source: "dozen.yaml" }), []);
  });
  it("refuses an entry with two kinds or none, naming the file", () => {
    assert.throws(
      () => parseOwnershipList({ text: "ownership:\n  - path: a\n    repository: b\n    team: x\n", source: "/etc/dozen/owners.yaml" }),
      /\/etc\/dozen\/owners.yaml: ownership.0: exactly one of codeowners, repository, path, namespace, label/,
    );
    assert.throws(() => parseOwnershipList({ text: "ownership:\n  - team: x\n", source: "f" }), /exactly one of/);
    assert.throws(() => parseOwnershipList({ text: "ownership:\n  - label: team\n    team: x\n", source: "f" }), /key=value/);
  });
});
