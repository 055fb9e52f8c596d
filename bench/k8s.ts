/**
 * How Dozen audits a big cluster: a stand-in API server (own process) serves N Deployments and 3N Pods
 * (plus Services, HPAs, PDBs, ConfigMaps, Secrets); an audit process (own process, so its peak RSS is
 * Dozen's alone) pages through every list, folds pages into facts, maps workloads and runs every cluster
 * check. Sizes 5,000 and 10,000 Deployments. Last line: RESULT {json} with seconds, peakRssMb, requests and
 * the growth ratios. `--audit <kubeconfig file>` is the audit process's own entry.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { planClusterTargets } from "@/lib/pipeline/plan-cluster-targets";
import { runRules } from "@/lib/rules/run-rules";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { WORKER_NODE_FLAGS } from "@/lib/ops/node-flags";

const ROOT = path.join(fileURLToPath(import.meta.url), "..", "..");
const KINDS = 11;

if (process.argv[2] === "--audit") {
  // Timed from before client-node's KubeConfig is imported (loadKubeConfig imports it on first use).
  const start = performance.now();
  const client = await createKubeClient({ kc: await loadKubeConfig({ kubeconfigPath: process.argv[3]! }), name: "bench" });
  // RSS once code is loaded (tsx, Dozen's cluster code, client-node's KubeConfig): the floor no audit goes below.
  const baselineMb = process.memoryUsage().rss / 1024 / 1024;
  const facts = await collectCluster({ client });
  const candidates = Array.from({ length: facts.workloads.length / 2 }, (_, i) => ({
    id: i + 1,
    name: `svc-${i * 2}`,
    slug: `svc-${i * 2}`,
    repoUrl: null,
  }));
  let findings = 0;
  for (const plan of planClusterTargets({ facts, candidates }))
    findings += runRules({ subject: { kind: "cluster", facts: plan.facts, declared: [] } }).length;
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(
    `${JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineMb, requests: facts.requests, workloads: facts.workloads.length, findings })}\n`,
  );
  process.exit(0);
}

async function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) if (line.trim().startsWith("{")) return line;
  throw new Error("child exited without output");
}

async function measure(deployments: number) {
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/kubernetes/serve-generated.ts"), String(deployments)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = await mkdtemp(path.join(tmpdir(), "dozen-bench-k8s-"));
  try {
    const { kubeconfig, objects } = JSON.parse(await firstLine(server)) as { kubeconfig: string; objects: number };
    await writeFile(path.join(dir, "config"), kubeconfig);
    // Run as a worker runs: node with the worker's flags (lib/ops/node-flags.ts) --import tsx.
    const audit = spawn(
      process.execPath,
      [...WORKER_NODE_FLAGS, "--import", "tsx", fileURLToPath(import.meta.url), "--audit", path.join(dir, "config")],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    const result = JSON.parse(await firstLine(audit)) as {
      seconds: number;
      peakRssMb: number;
      baselineMb: number;
      requests: number;
      workloads: number;
      findings: number;
    };
    const budget = Math.ceil(objects / 500) + KINDS;
    console.log(
      `${deployments} Deployments, ${objects} objects: ${result.seconds.toFixed(2)} s, peak ${result.peakRssMb.toFixed(0)} MB (${result.baselineMb.toFixed(0)} MB once code is loaded), ${result.requests} requests (budget ${budget}), ${result.findings} findings`,
    );
    return { deployments, pods: deployments * 3, objects, ...result, requestBudget: budget };
  } finally {
    server.kill("SIGTERM");
    await rm(dir, { recursive: true, force: true });
  }
}

const small = await measure(5000);
const large = await measure(10000);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const result = {
  seconds: round(small.seconds),
  peakRssMb: round(small.peakRssMb, 0),
  baselineRssMb: round(small.baselineMb, 0),
  requests: small.requests,
  requestBudget: small.requestBudget,
  objects: small.objects,
  doubled: {
    seconds: round(large.seconds),
    peakRssMb: round(large.peakRssMb, 0),
    requests: large.requests,
    requestBudget: large.requestBudget,
    objects: large.objects,
  },
  timeGrowth: round(large.seconds / small.seconds),
  memoryGrowth: round(large.peakRssMb / small.peakRssMb),
  goalsMet:
    small.seconds <= 10 &&
    small.peakRssMb <= 256 &&
    large.seconds / small.seconds <= 2.2 &&
    large.peakRssMb / small.peakRssMb <= 1.3 &&
    small.requests <= small.requestBudget &&
    large.requests <= large.requestBudget,
};
console.log(`RESULT ${JSON.stringify(result)}`);
