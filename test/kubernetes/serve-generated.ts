// Runs the stand-in with a generated cluster of N Deployments (3 pods each, a Service for each, an HPA and a
// PDB for every tenth, a ConfigMap and a Secret per namespace) and prints its kubeconfig as one JSON line.
// Used by bench/k8s.ts in a separate process so the benchmark measures only Dozen's memory.
import { makeConfigMap, makeHpa, makePdb, makePod, makeSecret, makeService, makeWorkload } from "@/test/kubernetes/make-objects";
import { startStandIn, type KubeObject } from "@/test/kubernetes/stand-in";

const deploymentsCount = Number(process.argv[2] ?? 5000);
const objects: Record<string, KubeObject[]> = {
  deployments: [],
  pods: [],
  services: [],
  horizontalpodautoscalers: [],
  poddisruptionbudgets: [],
  configmaps: [],
  secrets: [],
};
for (let i = 0; i < deploymentsCount; i += 1) {
  const namespace = `team-${i % 50}`;
  const name = `svc-${i}`;
  const workload = makeWorkload(name, { namespace, replicas: 3 });
  objects.deployments!.push(workload);
  for (let p = 0; p < 3; p += 1) objects.pods!.push(makePod(workload, p));
  objects.services!.push(makeService(name, { namespace }));
  if (i % 10 === 0) {
    objects.horizontalpodautoscalers!.push(makeHpa(name, namespace));
    objects.poddisruptionbudgets!.push(makePdb(name, namespace));
  }
}
for (let n = 0; n < 50; n += 1) {
  objects.configmaps!.push(makeConfigMap("settings", `team-${n}`));
  objects.secrets!.push(makeSecret("db", { password: "bench-only-not-a-secret" }, `team-${n}`));
}
const total = Object.values(objects).reduce((sum, list) => sum + list.length, 0);
const standIn = await startStandIn({ objects, validate: false });
process.stdout.write(`${JSON.stringify({ kubeconfig: standIn.kubeconfig("bench"), objects: total })}\n`);
process.on("SIGTERM", () => void standIn.close().then(() => process.exit(0)));
