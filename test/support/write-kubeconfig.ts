import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Test helper: a kubeconfig file with these contexts (the first one current) in a fresh temp directory, for
 * tests that add a cluster source (its file and context are checked on submit) but never reach the cluster.
 * Each context points at a closed local port, so a scan that runs fails at once instead of reaching out.
 */
export async function writeKubeconfig(opts: { contexts: string[] }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "dozen-kubeconfig-"));
  const file = path.join(dir, "kubeconfig");
  const lines = ["apiVersion: v1", "kind: Config", `current-context: ${JSON.stringify(opts.contexts[0] ?? "")}`, "clusters:"];
  for (const c of opts.contexts) lines.push(`  - name: ${JSON.stringify(c)}`, "    cluster: { server: https://127.0.0.1:9 }");
  lines.push("users:");
  for (const c of opts.contexts) lines.push(`  - name: ${JSON.stringify(c)}`, "    user: { token: not-a-secret }");
  lines.push("contexts:");
  for (const c of opts.contexts)
    lines.push(`  - name: ${JSON.stringify(c)}`, `    context: { cluster: ${JSON.stringify(c)}, user: ${JSON.stringify(c)} }`);
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}
