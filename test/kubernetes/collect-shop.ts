import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ClusterFacts } from "@/lib/facts/cluster-types";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { shopCluster } from "@/test/kubernetes/shop-cluster";
import { startStandIn } from "@/test/kubernetes/stand-in";

/** The shop cluster's facts as the real collector sees them through the stand-in. */
export async function collectShop(cluster = "prod-eu"): Promise<ClusterFacts> {
  const standIn = await startStandIn({ objects: shopCluster() });
  const dir = await mkdtemp(path.join(tmpdir(), "dozen-shop-"));
  try {
    await writeFile(path.join(dir, "config"), standIn.kubeconfig());
    const client = await createKubeClient({ kc: await loadKubeConfig({ kubeconfigPath: path.join(dir, "config") }), name: cluster });
    return await collectCluster({ client });
  } finally {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  }
}
