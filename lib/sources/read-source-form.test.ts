import { it } from "node:test";
import assert from "node:assert/strict";
import { fieldErrorsOf } from "@/lib/sources/field-errors-of";
import { readSourceForm } from "@/lib/sources/read-source-form";
import { github } from "@/lib/sources/kinds/github";
import { kubernetes } from "@/lib/sources/kinds/kubernetes";
import { scheduleField } from "@/lib/sources/schedule-field";

const readGitHubForm = (entries: Record<string, string>) => readSourceForm({ fields: github.form.fields, form: form(entries) });
const readClusterForm = (entries: Record<string, string>) => readSourceForm({ fields: kubernetes.form.fields, form: form(entries) });
const registerGitHubSourceInput = github.input;
const registerClusterSourceInput = kubernetes.input;

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

it("reads a GitHub form into registerGitHubSourceInput: empty fields take the defaults, lists split", () => {
  const input = readGitHubForm({
    name: "acme",
    owner: "acme",
    schedule: "",
    auth: "token",
    "config.tokenEnv": "",
    "config.apiBaseUrl": "",
    "config.include": "api-*, web",
    "config.exclude": "sandbox-*\nold-*",
    "config.topics": "",
    "config.includeForks": "on",
  });
  const parsed = registerGitHubSourceInput.extend({ schedule: scheduleField }).parse(input);
  assert.equal(parsed.schedule, null, "an empty schedule is on demand");
  assert.deepEqual(parsed.config, {
    ownerType: "org",
    apiBaseUrl: "https://api.github.com",
    tokenEnv: "GITHUB_TOKEN",
    includeArchived: false,
    includeForks: true,
    include: ["api-*", "web"],
    exclude: ["sandbox-*", "old-*"],
    topics: [],
  });
});

it("reads a GitHub App's variable names instead of a token when the app is chosen", () => {
  const input = readGitHubForm({
    name: "acme",
    owner: "acme",
    auth: "app",
    "config.tokenEnv": "IGNORED",
    "config.app.appIdEnv": "ACME_APP_ID",
    "config.app.privateKeyEnv": "",
    "config.app.installationIdEnv": "",
  });
  const parsed = registerGitHubSourceInput.extend({ schedule: scheduleField }).parse(input);
  assert.deepEqual(parsed.config.app, { appIdEnv: "ACME_APP_ID", privateKeyEnv: "GITHUB_APP_PRIVATE_KEY" });
  assert.equal(parsed.config.tokenEnv, "GITHUB_TOKEN");
});

it("names the very form field of every refused value", () => {
  const cases: { input: unknown; schema: typeof registerGitHubSourceInput | typeof registerClusterSourceInput; fields: string[] }[] = [
    {
      input: readGitHubForm({
        name: "",
        owner: "-nope-",
        schedule: "every day",
        "config.tokenEnv": "lower",
        "config.apiBaseUrl": "ftp://x",
      }),
      schema: registerGitHubSourceInput,
      fields: ["name", "owner", "schedule", "config.apiBaseUrl", "config.tokenEnv"],
    },
    {
      input: readClusterForm({ name: "prod", mode: "kubeconfig", "config.namespaces": "Shop, ok", "config.excludeNamespaces": "" }),
      schema: registerClusterSourceInput,
      fields: ["config.namespaces"],
    },
  ];
  for (const c of cases) {
    const result = (c.schema as typeof registerGitHubSourceInput).extend({ schedule: scheduleField }).safeParse(c.input);
    assert.equal(result.success, false);
    if (!result.success) assert.deepEqual(Object.keys(fieldErrorsOf(result.error)).sort(), [...c.fields].sort());
  }
});
