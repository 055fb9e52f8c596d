import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseServiceDescriptor } from "@/lib/facts/parse-service-descriptor";

const cases: {
  name: string;
  kind: "catalog-info" | "dozen";
  text: string;
  expected: { isService: boolean; name: string | null; owners: string[] };
  problem?: boolean;
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
];

describe("parseServiceDescriptor", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { problems, ...rest } = parseServiceDescriptor({ kind: c.kind, text: c.text });
      assert.deepEqual(rest, c.expected);
      assert.equal(problems.length > 0, c.problem === true);
    });
  }
});
