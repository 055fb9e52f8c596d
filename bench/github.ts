// npm run bench:github – a GitHub organisation of ≥200 real repositories through the stand-in, with
// per-request latency: first scan, unchanged rescan, rescan with 5% pushed. Last line: RESULT {json}.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnv, env } from "@/lib/env";
import { disconnectDatabase } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/ops/start-embedded-postgres";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, createBareRepo, generatedService, makeRepoRoot, type BareRepo } from "@/test/github/git-fixtures";
import { runGitHubScan } from "@/test/github/run-github-scan";
import { startStandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

const REPOS = 200;
const LATENCY_MS = 60; // a typical api.github.com round trip from a cloud region
const HOURLY_LIMIT = 5000;

async function bench(): Promise<void> {
  const database = await useTestDatabase();
  const repos = await makeRepoRoot();
  const standIn = await startStandIn({ latencyMs: LATENCY_MS });
  try {
    const bare: [string, BareRepo][] = [];
    for (let i = 0; i < REPOS; i += 8) {
      // Fleet services as templates give realistic trees; creation is batched to use both cores.
      const batch = Array.from({ length: Math.min(8, REPOS - i) }, (_, j) => i + j);
      bare.push(
        ...(await Promise.all(
          batch.map(async (n) => {
            const name = `svc-${String(n).padStart(3, "0")}`;
            const fleet = ["payments-api", "legacy-billing", "notifications", "admin-portal"][n % 4] as string;
            const repo =
              n % 5 === 0
                ? await createBareRepo({ root: repos.root, name, fromDir: path.join("examples/fleet", fleet) })
                : await createBareRepo({ root: repos.root, name, files: generatedService({ name }) });
            return [name, repo] as [string, BareRepo];
          }),
        )),
      );
    }
    for (const [name, repo] of bare) standIn.addRepo({ owner: "acme", name, bare: repo });
    const { id: sourceId } = await registerSource({
      kind: "github",
      input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl } },
    });

    const phase = async (label: string) => {
      standIn.resetStats();
      const started = performance.now();
      const scan = await runGitHubScan({ sourceId, concurrency: 8 });
      const seconds = (performance.now() - started) / 1000;
      if (scan.status !== "succeeded") throw new Error(`${label}: scan ${scan.status}: ${scan.error}`);
      const stats = { ...standIn.stats };
      console.log(
        `${label}: ${seconds.toFixed(1)} s, ${stats.requests} requests, ${stats.counted} counted, ${stats.notModified} not modified, ${stats.codeload} tarballs, max in flight ${stats.maxInFlight}`,
      );
      return { seconds, counted: stats.counted };
    };
    const wallStarted = performance.now();
    const first = await phase("first scan");
    const unchanged = await phase("rescan, none changed");
    for (const [name, repo] of bare.filter((_, i) => i % 20 === 7)) {
      await commitFiles({ repo, files: { "CHANGELOG.md": `${name} changed\n` } });
      standIn.touchRepo({ owner: "acme", name });
    }
    const changed = await phase("rescan, 5% changed");
    const perRepo = (n: number) => Math.round((n / REPOS) * 1000) / 1000;
    const result = {
      repos: REPOS,
      latencyMs: LATENCY_MS,
      countedPerRepoFirst: perRepo(first.counted),
      countedPerRepoRescan: perRepo(unchanged.counted),
      countedPerRepoRescan5pct: perRepo(changed.counted),
      reposPerHourPerToken: Math.floor(HOURLY_LIMIT / Math.max(perRepo(first.counted), 1e-9)),
      firstScanSeconds: Math.round(first.seconds * 10) / 10,
      rescanSeconds: Math.round(unchanged.seconds * 10) / 10,
      rescan5pctSeconds: Math.round(changed.seconds * 10) / 10,
      wallSeconds: Math.round((performance.now() - wallStarted) / 100) / 10,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await standIn.close();
    await repos.remove();
    await disconnectDatabase();
    await database.drop();
  }
}

// Without a PostgreSQL server, start an embedded one and rerun this file against it (env stays read-only).
async function main(): Promise<number> {
  if (env().TEST_DATABASE_URL) {
    await bench();
    return 0;
  }
  const dataDir = path.join(tmpdir(), `dozen-bench-pg-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: 55000 + (process.pid % 5000), database: "postgres" });
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/github.ts"], {
      stdio: "inherit",
      env: childEnv({ TEST_DATABASE_URL: pg.adminUrl, LOG_LEVEL: "warn" }),
    });
    return await new Promise<number>((ok) => child.on("exit", (code) => ok(code ?? 1)));
  } finally {
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
