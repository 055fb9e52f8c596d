/**
 * The web under load, as a team uses it: the real production build (`npm run web`, i.e. `next start`) on a
 * seeded fleet of 1,000 services (DATABASE_URL, or its own embedded PostgreSQL under
 * DOZEN_DATA_DIR/bench-load-pg, seeded once and reused), driven by autocannon at 50 concurrent clients
 * against the overview, the teams list, a team page, a service page and the services API, one route after
 * the other, each after a warm-up. Prints per route req/s, p50/p95/p99 latency, errors (failed requests,
 * timeouts and non-2xx answers) and the web process's RSS; last line
 * RESULT {"routes":{"/":{"rps","p50","p95","p99","errors"},…},"webRssMb":…,…} (milliseconds, MB). Each route
 * also says how many answers came from the web's page cache (`cacheHits`, read from /api/metrics); with
 * `--no-page-cache` the web runs with DOZEN_PAGE_CACHE_MB=0, so every request renders.
 *   npm run build && npm run bench:load [-- <seconds per route, default 20>] [--no-page-cache]
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { configureDatabase, db, disconnectDatabase } from "@/lib/db";
import { env, childEnv } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";
import { applyMigrations } from "@/lib/ops/apply-migrations";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { nextBuildExists } from "@/lib/ops/next-build-exists";
import { WEB_NODE_FLAGS } from "@/lib/ops/node-flags";
import { runChild } from "@/lib/ops/run-child";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/ops/start-embedded-postgres";
import { refreshRollupsAfterMigration } from "@/lib/rollups/refresh-rollups-after-migration";
import { seedScaleFleet } from "@/bench/seed/seed-scale-fleet";
import { freePort } from "@/test/support/free-port";

const args = process.argv.slice(2);
const SECONDS = Number(args.find((a) => !a.startsWith("--")) ?? 20);
const PAGE_CACHE = !args.includes("--no-page-cache");
const CONNECTIONS = 50;
const FLEET = { services: 1_000, teams: 6, days: 365, sample: 60 };
const GOALS = { p95Ms: 300, errors: 0, webRssMb: 400 };
const log = createLogger({ process: "bench" });
const say = (m: string) => console.log(m);

if (!nextBuildExists()) {
  console.error("no production build: run `npm run build` first");
  process.exit(1);
}
let embedded: EmbeddedPostgresHandle | undefined;
let url = env().DATABASE_URL;
if (!url) {
  const config = env();
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.DOZEN_DATA_DIR, "bench-load-pg"),
    port: config.DOZEN_EMBEDDED_PG_PORT + 2,
    database: "dozen_load",
  });
  url = embedded.url;
  say(`embedded PostgreSQL with data in ${embedded.dataDir}`);
}
await configureDatabase({ url });
if ((await applyMigrations({ url, log })).applied > 0) await refreshRollupsAfterMigration({ log });
const web = { stop: () => {}, exited: Promise.resolve(0) };
try {
  const seed = await seedScaleFleet({ shape: FLEET, log: say });
  const team = await db().team.findFirstOrThrow({
    where: { slug: { startsWith: "scale-team-" } },
    orderBy: { slug: "asc" },
    select: { slug: true },
  });
  // A service with a real scan's findings (the sample), the most of them: the heaviest service page.
  const [service] = await db().$queryRaw<{ slug: string; findings: number }[]>`
    SELECT s."slug", count(f."id")::int AS "findings" FROM "Service" s JOIN "Finding" f ON f."targetId" = s."latestTargetId"
    JOIN "Source" src ON src."id" = s."sourceId" WHERE src."name" = 'scale'
    GROUP BY s."slug" ORDER BY count(f."id") DESC, s."slug" LIMIT 1`;
  if (!service) throw new Error("the seeded fleet has no service with findings");
  const routes = ["/", "/teams", `/teams/${team.slug}`, `/services/${service.slug}`, "/api/v1/services"];

  const port = await freePort();
  const child = runChild({
    name: "web",
    command: process.execPath,
    args: [...WEB_NODE_FLAGS, ...tsxArgs("scripts/web.ts")],
    env: childEnv({
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(PAGE_CACHE ? {} : { DOZEN_PAGE_CACHE_MB: "0" }),
    }),
    cwd: ROOT,
    log,
  });
  Object.assign(web, { stop: () => child.stop("SIGTERM"), exited: child.exited });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);
  const rssMb = async () => Math.round((await treeRssKb(child.child.pid!)) / 1024);
  say(`web (pid ${child.child.pid}) on ${base}; ${FLEET.services} services, service page ${routes[3]} (${service.findings} findings)`);

  const result: Record<string, { rps: number; p50: number; p95: number; p99: number; errors: number; kb: number; cacheHits: number }> = {};
  let peakRss = 0;
  const rssAfterWarmUp: number[] = [];
  for (const route of routes) {
    // Warm-up: compiled code paths, the database's buffers, the web's caches.
    let kb = 0;
    for (let i = 0; i < 20; i++) kb = (await (await fetch(`${base}${route}`)).arrayBuffer()).byteLength / 1024;
    rssAfterWarmUp.push(await rssMb());
    const hitsBefore = await cacheHits(base);
    const samples: number[] = [];
    const sampler = setInterval(() => void rssMb().then((mb) => (peakRss = Math.max(peakRss, mb))), 500);
    const run = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: `${base}${route}`, connections: CONNECTIONS, duration: SECONDS, timeout: 10 }, (err, out) =>
        err ? reject(err as Error) : resolve(out),
      );
      // Every answer's own time, for percentiles autocannon's histogram does not give (p95).
      instance.on("response", (_client, _status, _bytes, ms) => samples.push(ms));
    });
    clearInterval(sampler);
    samples.sort((a, b) => a - b);
    const at = (q: number) => Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0) * 10) / 10;
    const errors = run.errors + run.timeouts + run.non2xx;
    result[route] = {
      rps: Math.round(run.requests.average * 10) / 10,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      errors,
      kb: Math.round(kb * 10) / 10,
      cacheHits: (await cacheHits(base)) - hitsBefore,
    };
    const r = result[route];
    say(
      `${route}: ${r.rps} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${errors} errors, ${samples.length} answers ` +
        `(${r.cacheHits} from the page cache), ${r.kb} KB a page`,
    );
  }
  const webRssMb = Math.max(peakRss, await rssMb());
  const goalsMet = Object.values(result).every((r) => r.p95 <= GOALS.p95Ms && r.errors <= GOALS.errors) && webRssMb <= GOALS.webRssMb;
  say(
    `web RSS: ${rssAfterWarmUp.join(" → ")} MB after each warm-up, peak ${peakRss} MB; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `RESULT ${JSON.stringify({
      routes: result,
      webRssMb,
      rssAfterWarmUpMb: rssAfterWarmUp,
      goals: GOALS,
      goalsMet,
      connections: CONNECTIONS,
      pageCache: PAGE_CACHE,
      secondsPerRoute: SECONDS,
      services: await db().service.count(),
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      seedMs: seed.ms,
    })}`,
  );
} finally {
  web.stop();
  await web.exited;
  await disconnectDatabase();
  await embedded?.stop();
}

/** Answers the web's page cache gave so far (its `dozen_page_cache_answers_total{result="hit"}`). */
async function cacheHits(base: string): Promise<number> {
  const text = await (await fetch(`${base}/api/metrics`)).text();
  return Number(/^dozen_page_cache_answers_total\{result="hit"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

async function waitForHealth(base: string): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    if (
      (await fetch(`${base}/api/healthz`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the web did not answer /api/healthz within 120 s");
}

/** RSS of a process and every process below it (the web and anything it may start), in KB. */
async function treeRssKb(pid: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return;
    }
    for (const [child, parent] of parents) if (parent === p) visit(child);
  };
  visit(pid);
  return total;
}
