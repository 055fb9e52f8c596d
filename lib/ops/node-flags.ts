/**
 * Node/V8 flags of the worker process type (package.json `worker`, bin/dozen-process, scripts/start.ts, bench/k8s.ts).
 *
 * `--heap-growing-percent=50`: after a full GC, V8 lets the old generation grow to up to 4× what survived
 * before it collects again. A cluster audit's live set (compact facts) grows with the cluster, so that
 * slack did too: 15 MB of facts at 5,000 Deployments peaked ≈ 90 MB above the code. Capping growth at
 * 1.5× keeps peak memory near the live set (bench/README.md has both measurements); the full GCs it adds
 * are short because the live set is small.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ["--heap-growing-percent=50"];

/**
 * Node/V8 flags of the web process type (package.json `web`, bin/dozen-process, scripts/start.ts,
 * bench/load.ts, and bench:dashboard, which times the web's page loaders).
 *
 * `--max-semi-space-size=8`: V8's young generation may grow to 16 MB per semi-space by default, and under load
 * the web's is that big all the time (each request's render allocates a few MB that die young). Half of it
 * keeps the web's resident memory under bench:load's 400 MB goal (423 → 363 MB peak at 50 clients) at the
 * cost of more, shorter scavenges (bench/README.md).
 *
 * `--heap-growing-percent=50`, as the worker: the web's old generation holds the page cache and Next's modules,
 * and V8's default growth between full GCs let it reach 422 MB peak on a quiet machine (2026-12-06); with it,
 * 351 and 379 MB in the next two runs, with more requests per second, not fewer (bench/README.md).
 */
export const WEB_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=8", "--heap-growing-percent=50"];
