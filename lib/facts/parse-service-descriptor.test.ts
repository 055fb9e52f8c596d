import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseServiceDescriptor } from "@/lib/facts/parse-service-descriptor";

const cases: {
  name: string;
  kind: "catalog-info" | "dozen";
  text: string;
  expected: { isService: boolean; name: string | null; owners: string[] };
  problem?: boolean;
  tier?: number;
  tierProblem?: string;
}[] = [
  {
    name: "Backstage Component: name and owner",
    kind: "catalog-info",
    text: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  owner: team-payments\n",
    expected: { isService: true, name: "payments-api", owners: ["team-payments"] },
  },
  {
    name: "Component found after other documents",
    kind: "catalog-info",
    text: "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: x-api}\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: x}\n",
    expected: { isService: true, name: "x", owners: [] },
  },
  {
    name: "a System is not a service",
    kind: "catalog-info",
    text: "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: shop}\nspec: {owner: team-shop}\n",
    expected: { isService: false, name: null, owners: [] },
  },
  {
    name: "dozen.yaml with a single owner",
    kind: "dozen",
    text: 'name: ledger\nowner: "@acme/finance"\n',
    expected: { isService: true, name: "ledger", owners: ["@acme/finance"] },
  },
  {
    name: "dozen.yaml with owners list",
    kind: "dozen",
    text: "owners: [a, b]\n",
    expected: { isService: true, name: null, owners: ["a", "b"] },
  },
  {
    name: "a dozen.yaml with only scoring settings is not a service",
    kind: "dozen",
    text: "rules:\n  readsPortFromEnv: { weight: 5 }\n",
    expected: { isService: false, name: null, owners: [] },
  },
  {
    name: "broken dozen.yaml is not a service, with a problem",
    kind: "dozen",
    text: "name: [unclosed\n",
    expected: { isService: false, name: null, owners: [] },
    problem: true,
  },
  {
    name: "dozen.yaml tier 1",
    kind: "dozen",
    text: "name: ledger\ntier: 1\n",
    expected: { isService: true, name: "ledger", owners: [] },
    tier: 1,
  },
  {
    name: "catalog-info.yaml tier annotation, a string as annotations are",
    kind: "catalog-info",
    text: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pay\n  annotations:\n    dozen.dev/tier: "2"\n',
    expected: { isService: true, name: "pay", owners: [] },
    tier: 2,
  },
  {
    name: "tier 0 is ignored with a problem",
    kind: "dozen",
    text: "name: a\ntier: 0\n",
    expected: { isService: true, name: "a", owners: [] },
    tierProblem: "tier 0 is not 1, 2, 3 or 4; ignored",
  },
  {
    name: "tier 5 is ignored with a problem",
    kind: "dozen",
    text: "name: a\ntier: 5\n",
    expected: { isService: true, name: "a", owners: [] },
    tierProblem: "tier 5 is not 1, 2, 3 or 4; ignored",
  },
  {
    name: "tier gold is ignored with a problem",
    kind: "catalog-info",
    text: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  annotations: {dozen.dev/tier: gold}\n",
    expected: { isService: true, name: "a", owners: [] },
    tierProblem: 'tier "gold" is not 1, 2, 3 or 4; ignored',
  },
];

describe("parseServiceDescriptor", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { problems, tier, tierProblem, ...rest } = parseServiceDescriptor({ kind: c.kind, text: c.text });
      assert.deepEqual(rest, c.expected);
      assert.equal(tier, c.tier ?? null);
      assert.equal(tierProblem, c.tierProblem ?? null);
      assert.equal(problems.length > 0, c.problem === true);
    });
  }
});
