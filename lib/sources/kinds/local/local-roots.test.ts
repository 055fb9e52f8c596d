import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { readRepoConfig } from "@/lib/collectors/local/read-repo-config";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { local } from "@/lib/sources/kinds/local";
import { refuseRealDirectory } from "@/lib/sources/kinds/local/local-roots";

// Issue 14: local sources only below DOZEN_LOCAL_ROOTS; a dozen.yaml linked to /etc/shadow put its lines in
// the scan error; a FIFO or /dev/zero as dozen.yaml hung the worker and the CLI.
let scratch: string;
let root: string;
let saved: string | undefined;

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "dozen-local-attacks-"));
  root = path.join(scratch, "allowed");
  await mkdir(path.join(root, "svc"), { recursive: true });
  await writeFile(path.join(root, "svc", "package.json"), '{ "name": "svc", "scripts": { "start": "node index.js" } }\n');
  await writeFile(path.join(root, "svc", "index.js"), "require('node:http').createServer().listen(process.env.PORT);\n");
  await writeFile(path.join(scratch, "shadow"), "root:$6$secrethash:19000:0:99999:7:::\n");
  await symlink(scratch, path.join(root, "escape"));
  saved = process.env.DOZEN_LOCAL_ROOTS;
  process.env.DOZEN_LOCAL_ROOTS = root;
});
after(async () => {
  process.env.DOZEN_LOCAL_ROOTS = saved;
  await rm(scratch, { recursive: true, force: true });
});

test("a local source outside DOZEN_LOCAL_ROOTS is refused by the schema; a link out of a root by its real path", async () => {
  const outside = local.input.safeParse({ name: "etc", directory: "/etc" });
  assert.equal(outside.success, false);
  assert.match(outside.error?.issues[0]?.message ?? "", /not below DOZEN_LOCAL_ROOTS/);
  assert.equal(local.input.safeParse({ name: "ok", directory: path.join(root, "svc") }).success, true);
  assert.match((await refuseRealDirectory({ directory: path.join(root, "escape") })) ?? "", /not below DOZEN_LOCAL_ROOTS/);
  process.env.DOZEN_LOCAL_ROOTS = "";
  assert.match(local.input.safeParse({ name: "ok", directory: root }).error?.issues[0]?.message ?? "", /local sources are off/);
  process.env.DOZEN_LOCAL_ROOTS = root;
});

test("dozen.yaml as a link to a secret, a FIFO or /dev/zero is never read, and the scan does not hang", async () => {
  const cases: [string, () => Promise<void>][] = [
    ["link to a shadow file", () => symlink(path.join(scratch, "shadow"), path.join(root, "dozen.yaml"))],
    ["link to /dev/zero", () => symlink("/dev/zero", path.join(root, "dozen.yaml"))],
    ["FIFO", async () => void execFileSync("mkfifo", [path.join(root, "dozen.yaml")])],
  ];
  for (const [name, make] of cases) {
    await rm(path.join(root, "dozen.yaml"), { force: true });
    await make();
    const started = Date.now();
    assert.equal(await readRepoConfig({ root }), null, name);
    assert.equal(await readRepoConfig({ path: path.join(root, "dozen.yaml") }), null, `${name} (dozen scan --config)`);
    const collected = await collectLocalSource({ root });
    assert.ok(Date.now() - started < 10_000, `${name}: the scan finished`);
    assert.doesNotMatch(JSON.stringify(collected), /secrethash/, name);
  }
});
