import path from "node:path";
import { tmpdir } from "node:os";
import { it } from "node:test";
import assert from "node:assert/strict";
import { fillSourceForm } from "@/lib/sources/fill-source-form";
import { github } from "@/lib/sources/kinds/github";
import { kubernetes } from "@/lib/sources/kinds/kubernetes";
import { readSourceChanges } from "@/lib/sources/read-source-changes";

const formOf = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
};

it("opens a GitHub source's edit form with what it has: the app chosen, lists joined, boxes checked", () => {
  const input = github.fromSource({
    name: "acme",
    schedule: "0 3 * * *",
    location: "acme",
    config: {
      ownerType: "org",
      app: { appIdEnv: "GITHUB_APP_ID", privateKeyEnv: "GITHUB_APP_PRIVATE_KEY" },
      include: ["api-*", "web"],
      includeForks: true,
      includeArchived: false,
    },
  });
  const values = fillSourceForm({ fields: github.form.fields, input });
  assert.equal(values.auth, "app");
  assert.equal(values["config.app.appIdEnv"], "GITHUB_APP_ID");
  assert.equal(values["config.include"], "api-*, web");
  assert.equal(values["config.includeForks"], "on");
  assert.equal("config.includeArchived" in values, false, "unchecked is absent, as a form sends it");
  assert.equal("config.tokenEnv" in values, false, "the option not chosen keeps its defaults");
  assert.deepEqual([values.name, values.schedule, values.owner], ["acme", "0 3 * * *", "acme"]);
});

it("round-trips a cluster's form: filled, submitted unchanged, it changes nothing", () => {
  // In the kubeconfig directory the test run allows (DOZEN_KUBECONFIG_DIR, scripts/test.ts): any other is refused.
  const stored = {
    kubeconfigPath: path.join(tmpdir(), "kube"),
    context: "prod-eu",
    inCluster: false,
    namespaces: [],
    excludeNamespaces: ["kube-system"],
  };
  const input = kubernetes.fromSource({ name: "prod", schedule: null, location: "prod-eu", config: stored });
  const values = fillSourceForm({ fields: kubernetes.form.fields, input });
  assert.deepEqual([values.mode, values["config.namespaces"], values.schedule], ["kubeconfig", "", ""]);
  const changes = readSourceChanges({ fields: kubernetes.form.fields, form: formOf(values) });
  const parsed = kubernetes.input.parse({ ...input, ...changes, config: { ...stored, ...(changes.config as object) } });
  assert.deepEqual(parsed.config, stored);
  const inCluster = fillSourceForm({ fields: kubernetes.form.fields, input: { name: "self", config: { inCluster: true } } });
  assert.equal(inCluster.mode, "inCluster");
});
