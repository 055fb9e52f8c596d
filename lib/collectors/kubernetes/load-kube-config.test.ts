import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { serializeError } from "@/lib/log/logger";

// Issue 14: a kubeconfig with an `exec` user inside a scanned checkout ran a command as the worker's user;
// /proc/self/environ as a kubeconfig put the environment in the scan error and (err.mark.buffer) the log.
let scratch: string;
let dir: string;
let marker: string;

function kubeconfig(user: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "current-context: c",
    "clusters: [{ name: c, cluster: { server: https://127.0.0.1:9 } }]",
    "contexts: [{ name: c, context: { cluster: c, user: u } }]",
    `users: [{ name: u, user: ${user} }]`,
  ].join("\n");
}

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "dozen-kubeconfig-attacks-"));
  dir = path.join(scratch, "admin");
  await mkdir(dir);
  marker = path.join(scratch, "exec-ran");
  await writeFile(path.join(dir, "token"), kubeconfig("{ token: not-a-secret }"));
  await writeFile(
    path.join(dir, "exec"),
    kubeconfig(`{ exec: { apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: ["-c", "touch ${marker}"] } }`),
  );
  await writeFile(path.join(dir, "auth-provider"), kubeconfig("{ auth-provider: { name: oidc, config: { id-token: x } } }"));
  await writeFile(path.join(dir, "environ-like"), "PATH=/usr/bin\0DATABASE_URL=postgres://u:hunter2@db/x\0[: {");
  // A Secret volume: the file is a link to ..data/, a link to a timestamped folder, all inside the directory.
  await mkdir(path.join(dir, "..2026_12_05"));
  await writeFile(path.join(dir, "..2026_12_05", "mounted"), kubeconfig("{ token: not-a-secret }"));
  await symlink("..2026_12_05", path.join(dir, "..data"));
  await symlink("..data/mounted", path.join(dir, "mounted"));
  await symlink("/proc/self/environ", path.join(dir, "escape"));
  execFileSync("mkfifo", [path.join(dir, "fifo")]);
});
after(() => rm(scratch, { recursive: true, force: true }));

async function refusal(opts: Parameters<typeof loadKubeConfig>[0]): Promise<string> {
  try {
    await loadKubeConfig(opts);
  } catch (error) {
    return (error as Error).message;
  }
  return "loaded";
}

test("an exec or auth-provider user is refused and its command never runs, unless DOZEN_KUBECONFIG_ALLOW_EXEC", async () => {
  const kc = await loadKubeConfig({ kubeconfigPath: path.join(dir, "exec"), withinDir: dir, allowExec: true });
  assert.equal(kc.getCurrentUser()?.name, "u", "allowed, it loads (its command runs only when a request needs it)");
  assert.match(
    await refusal({ kubeconfigPath: path.join(dir, "exec"), withinDir: dir }),
    /user "u" authenticates with an exec plugin.*DOZEN_KUBECONFIG_ALLOW_EXEC/,
  );
  assert.match(await refusal({ kubeconfigPath: path.join(dir, "auth-provider"), withinDir: dir }), /auth-provider plugin/);
  assert.equal(existsSync(marker), false, "the plugin's command never ran");
});

test("only files in the kubeconfig directory: /proc/self/environ, a link out of it and a path into a checkout are refused", async () => {
  for (const file of ["/proc/self/environ", path.join(dir, "escape"), path.join(scratch, "elsewhere")])
    assert.match(await refusal({ kubeconfigPath: file, withinDir: dir }), /not in the kubeconfig directory|cannot be read/, file);
  assert.match(await refusal({ kubeconfigPath: path.join(dir, "token"), withinDir: null }), /not in the kubeconfig directory/);
  const mounted = await loadKubeConfig({ kubeconfigPath: path.join(dir, "mounted"), withinDir: dir });
  assert.equal(mounted.getCurrentContext(), "c", "a Secret mount's links stay inside the directory and are read");
});

test("a FIFO is refused at once (never blocks the worker); a file that is not YAML is refused without its content", async () => {
  const started = Date.now();
  assert.match(await refusal({ kubeconfigPath: path.join(dir, "fifo"), withinDir: dir }), /not a regular file/);
  assert.ok(Date.now() - started < 2000);
  let thrown: unknown;
  await loadKubeConfig({ kubeconfigPath: path.join(dir, "environ-like"), withinDir: dir }).catch((error: unknown) => (thrown = error));
  assert.match((thrown as Error).message, /is not a valid kubeconfig/);
  const logged = JSON.stringify(serializeError(thrown));
  for (const text of [(thrown as Error).message, logged]) assert.doesNotMatch(text, /hunter2|DATABASE_URL|PATH=/);
});
