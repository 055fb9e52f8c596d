/**
 * Node/V8 flags of the worker process type (package.json `worker`, scripts/start.ts, bench/k8s.ts).
 *
 * `--heap-growing-percent=50`: after a full GC, V8 lets the old generation grow to up to 4× what survived
 * before it collects again. A cluster audit's live set (compact facts) grows with the cluster, so that
 * slack did too: 15 MB of facts at 5,000 Deployments peaked ≈ 90 MB above the code. Capping growth at
 * 1.5× keeps peak memory near the live set (bench/README.md has both measurements); the full GCs it adds
 * are short because the live set is small.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ["--heap-growing-percent=50"];
