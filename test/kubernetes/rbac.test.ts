import { it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import { KINDS } from "@/test/kubernetes/kinds";

it("the shipped ClusterRole is read-only and covers every kind the audit lists", async () => {
  const docs = parseAllDocuments(await readFile("deploy/kubernetes/cluster-reader/dozen-cluster-reader.yaml", "utf8")).map(
    (d) => d.toJS() as { kind: string; rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[] },
  );
  const role = docs.find((d) => d.kind === "ClusterRole")!;
  const granted = new Set<string>();
  for (const rule of role.rules!) {
    assert.deepEqual([...rule.verbs].sort(), ["get", "list"]);
    for (const g of rule.apiGroups) for (const r of rule.resources) granted.add(`${g}/${r}`);
  }
  assert.deepEqual([...granted].sort(), KINDS.map((k) => `${k.group}/${k.resource}`).sort());
  assert.ok(docs.some((d) => d.kind === "ClusterRoleBinding"));
});
