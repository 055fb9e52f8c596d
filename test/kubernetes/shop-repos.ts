import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { persistTarget } from "@/lib/persistence/persist-target";
import { registerSource } from "@/lib/sources/register-source";

/** What legacy-billing's repository declares; shopCluster() runs it otherwise (1 replica, :latest, no probes). */
export const BILLING_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy-billing, namespace: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app.kubernetes.io/name: legacy-billing } }
  template:
    metadata: { labels: { app.kubernetes.io/name: legacy-billing } }
    spec:
      containers:
        - name: legacy-billing
          image: registry.example.com/acme/legacy-billing:2.0.0
          env: [{ name: PORT, value: "9000" }]
          readinessProbe: { httpGet: { path: /healthz, port: 9000 } }
          livenessProbe: { httpGet: { path: /healthz, port: 9000 } }
`;

/**
 * The repository side of the shop: a local source `repos` under `dir` holding legacy-billing (manifest and
 * Dockerfile), scanned and stored as a real scan would, so cluster audits find its declared manifests.
 */
export async function seedShopRepos(opts: { dir: string }): Promise<{ sourceId: number }> {
  const root = path.join(opts.dir, "repos");
  await mkdir(path.join(root, "legacy-billing", "k8s"), { recursive: true });
  await writeFile(path.join(root, "legacy-billing", "k8s", "deploy.yaml"), BILLING_MANIFEST);
  await writeFile(path.join(root, "legacy-billing", "Dockerfile"), 'FROM ruby:3.3\nCMD ["puma"]\n');
  const local = await registerSource({ kind: "local", input: { name: "repos", directory: root, schedule: null }, ifExists: "return" });
  const { id: scanId } = await db().scan.create({
    data: { sourceId: local.id, trigger: "manual", rulesVersion: "test" },
    select: { id: true },
  });
  for (const result of (await scanLocalDirectory({ root })).services)
    await persistTarget({ scanId, sourceId: local.id, target: { kind: "repository", result } });
  return { sourceId: local.id };
}
