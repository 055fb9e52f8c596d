import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import { github } from "@/lib/sources/kinds/github";
import { readSourceChanges } from "@/lib/sources/read-source-changes";
import { registerSource } from "@/lib/sources/register-source";
import { setSourcePaused } from "@/lib/sources/set-source-paused";
import { updateSource } from "@/lib/sources/update-source";
import { useWebBoss } from "@/test/support/use-web-boss";

const web = useWebBoss();
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dozen-edit-source-"));
});
after(async () => rm(dir, { recursive: true, force: true }));

const cronOf = async (id: number) => (await web.boss.getSchedules(QUEUES.scheduledScan, String(id)))[0]?.cron ?? null;
const stored = (id: number) =>
  db().source.findUniqueOrThrow({ where: { id }, select: { name: true, location: true, schedule: true, config: true } });

/** A kubeconfig with these contexts, the first one current. */
async function kubeconfig(name: string, contexts: string[]): Promise<string> {
  const file = path.join(dir, name);
  const entries = contexts.map((c) => `  - name: ${c}\n    context: { cluster: ${c}, user: ${c} }`).join("\n");
  await writeFile(file, `apiVersion: v1\nkind: Config\ncurrent-context: ${contexts[0] ?? '""'}\ncontexts:\n${entries}\n`);
  return file;
}

/** What a refused call said about each field. */
async function fieldsOf(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => assert.fail("expected a ValidationError"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError, String(error));
  return { ...error.fields };
}

it("edits name, schedule and a GitHub source's config; the cron entry follows and unchanged fields stay", async () => {
  const { id } = await registerSource({
    kind: "github",
    input: { name: "acme", owner: "acme", schedule: "0 3 * * *", config: { ownerType: "user", webBaseUrl: "https://gh.acme.test" } },
    boss: web.boss,
  });
  const result = await updateSource({
    sourceId: id,
    changes: { name: "acme-corp", schedule: "30 4 * * 1", config: { include: ["api-*"] } },
    boss: web.boss,
  });
  assert.deepEqual(result, { id, name: "acme-corp", schedule: "30 4 * * 1", paused: false });
  assert.equal(await cronOf(id), "30 4 * * 1");
  const row = await stored(id);
  assert.equal(row.location, "acme", "the owner was not part of the change");
  assert.deepEqual([(row.config as { ownerType: string }).ownerType, (row.config as { include: string[] }).include], ["user", ["api-*"]]);

  await updateSource({ sourceId: id, changes: { schedule: null }, boss: web.boss });
  assert.equal(await cronOf(id), null, "on demand: no cron entry");
  assert.equal((await stored(id)).schedule, null);
});

it("reads an edit form as changes: emptied fields go back to defaults, fields the form lacks stay", async () => {
  const { id } = await registerSource({
    kind: "github",
    input: {
      name: "forms",
      owner: "forms",
      schedule: null,
      config: { app: { appIdEnv: "GITHUB_APP_ID" }, webBaseUrl: "https://gh.forms.test" },
    },
    boss: web.boss,
  });
  const form = new FormData();
  for (const [k, v] of Object.entries({ name: "forms", owner: "forms-org", schedule: "", auth: "token", "config.tokenEnv": "" }))
    form.set(k, v);
  await updateSource({ sourceId: id, changes: readSourceChanges({ fields: github.form.fields, form }), boss: web.boss });
  const row = await stored(id);
  const config = row.config as Record<string, unknown>;
  assert.equal(row.location, "forms-org");
  assert.equal(config.app, undefined, "switched to a token: the app's variables are gone");
  assert.equal(config.tokenEnv, "GITHUB_TOKEN", "an emptied field is back to its default");
  assert.equal(config.webBaseUrl, "https://gh.forms.test", "set through the API, not on the form: kept");

  form.set("owner", "");
  assert.deepEqual(
    Object.keys(await fieldsOf(updateSource({ sourceId: id, changes: readSourceChanges({ fields: github.form.fields, form }) }))),
    ["owner"],
  );
});

it("refuses bad changes by field, a taken name, a change of kind, and an unknown source", async () => {
  const { id } = await registerSource({ kind: "local", input: { name: "checkout", directory: dir, schedule: null }, boss: web.boss });
  await registerSource({ kind: "local", input: { name: "other", directory: dir, schedule: null }, boss: web.boss });

  const fields = await fieldsOf(updateSource({ sourceId: id, changes: { name: " ", schedule: "61 * * * *" }, boss: web.boss }));
  assert.deepEqual(Object.keys(fields).sort(), ["name", "schedule"]);
  assert.match(fields.schedule ?? "", /cron expression/);
  await assert.rejects(updateSource({ sourceId: id, changes: { directory: path.join(dir, "missing") } }), /is not a directory/);
  await assert.rejects(updateSource({ sourceId: id, changes: { name: "other" } }), ConflictError);
  await assert.rejects(updateSource({ sourceId: id, changes: { kind: "github" } }), ValidationError);
  await assert.rejects(updateSource({ sourceId: 999_999, changes: { name: "x" } }), NotFoundError);
  assert.deepEqual(await stored(id), { name: "checkout", location: dir, schedule: null, config: {} }, "nothing refused was kept");
});

it("keeps a paused source unscheduled when its schedule changes; resuming registers the new one", async () => {
  const { id } = await registerSource({ kind: "local", input: { name: "paused", directory: dir, schedule: "0 3 * * *" }, boss: web.boss });
  await setSourcePaused({ sourceId: id, paused: true, boss: web.boss });
  const result = await updateSource({ sourceId: id, changes: { schedule: "0 5 * * *" }, boss: web.boss });
  assert.equal(result.paused, true);
  assert.equal(await cronOf(id), null);
  await setSourcePaused({ sourceId: id, paused: false, boss: web.boss });
  assert.equal(await cronOf(id), "0 5 * * *");
});

it("checks a cluster's kubeconfig on submit: the file exists, is a kubeconfig, and holds the context", async () => {
  const file = await kubeconfig("two-contexts", ["prod-eu", "staging"]);
  const { id } = await registerSource({
    kind: "kubernetes",
    input: { name: "prod", schedule: null, config: { kubeconfigPath: file, context: "prod-eu" } },
    boss: web.boss,
  });
  await updateSource({ sourceId: id, changes: { config: { context: "staging" } } });
  assert.equal((await stored(id)).location, "staging");

  const missing = await fieldsOf(updateSource({ sourceId: id, changes: { config: { kubeconfigPath: path.join(dir, "nope") } } }));
  assert.match(missing["config.kubeconfigPath"] ?? "", /no such file/);
  const notYaml = path.join(dir, "not-yaml");
  await writeFile(notYaml, "password: [unclosed\n");
  const broken = await fieldsOf(updateSource({ sourceId: id, changes: { config: { kubeconfigPath: notYaml } } }));
  assert.match(broken["config.kubeconfigPath"] ?? "", /not valid YAML \(line \d+\)/);
  assert.doesNotMatch(broken["config.kubeconfigPath"] ?? "", /password/, "the file's content is never quoted");
  const notKube = path.join(dir, "not-kube.yaml");
  await writeFile(notKube, "just: a map\n");
  assert.match(
    (await fieldsOf(updateSource({ sourceId: id, changes: { config: { kubeconfigPath: notKube } } })))["config.kubeconfigPath"] ?? "",
    /not a kubeconfig/,
  );
  const wrongContext = await fieldsOf(updateSource({ sourceId: id, changes: { config: { context: "prod-us" } } }));
  assert.equal(wrongContext["config.context"], `"prod-us" is not a context in ${file} (it has: prod-eu, staging)`);

  // Switching to in-cluster drops the kubeconfig settings (null), which the schema would otherwise refuse.
  await updateSource({ sourceId: id, changes: { config: { inCluster: true, kubeconfigPath: null, context: null } } });
  assert.equal((await stored(id)).location, "in-cluster");
  await assert.rejects(
    registerSource({ kind: "kubernetes", input: { name: "typo", config: { kubeconfigPath: file, context: "prod-eux" } } }),
    /"prod-eux" is not a context/,
  );
});
