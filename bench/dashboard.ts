/**
 * Page-data queries of the dashboard at scale: seeds (or reuses) a database of 10,000 services × 365 days
 * (DATABASE_URL, or its own embedded PostgreSQL under DOZEN_DATA_DIR/bench-pg), then runs each page's
 * queries — as the page runs them, in parallel — from 4 concurrent clients sharing the process's pool.
 * Last line: RESULT {"overview":{"p50":…,"p95":…},"team":…,"service":…,"factor":…,"initiative":…,"initiatives":…,
 * "rollupsAfterOneService":…,"goals":…,"goalsMet":…,"scale":…} (milliseconds).
 *   npm run bench:dashboard [-- <iterations per page, default 400>]
 */
import path from "node:path";
import { configureDatabase, db, disconnectDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/ops/apply-migrations";
import { refreshRollupsAfterMigration } from "@/lib/rollups/refresh-rollups-after-migration";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/ops/start-embedded-postgres";
import { createLogger } from "@/lib/log/logger";
import { seedScaleFleet } from "@/bench/seed/seed-scale-fleet";
import { getFleetHeadline } from "@/lib/fleet/get-fleet-headline";
import { getOverviewPage } from "@/lib/fleet/get-overview-page";
import { getServiceCluster } from "@/lib/services/get-service-cluster";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { readHeatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { getFactorReport } from "@/lib/factor-report/get-factor-report";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";

const ITERATIONS = Number(process.argv[2] ?? 400);
const CLIENTS = 4;
const log = createLogger({ process: "bench" });
const say = (m: string) => console.log(m);

let embedded: EmbeddedPostgresHandle | undefined;
if (!env().DATABASE_URL) {
  const config = env();
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.DOZEN_DATA_DIR, "bench-pg"),
    port: config.DOZEN_EMBEDDED_PG_PORT + 1,
    database: "dozen_scale",
  });
  await configureDatabase({ url: embedded.url });
  // As `npm run migrate` does: an older seed gets what new migrations added to today's rollups.
  if ((await applyMigrations({ url: embedded.url, log })).applied > 0) await refreshRollupsAfterMigration({ log });
  say(`embedded PostgreSQL with data in ${embedded.dataDir}`);
}
try {
  const seed = await seedScaleFleet({ log: say });
  const team = await db().team.findFirstOrThrow({
    where: { slug: { startsWith: "scale-team-" } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  const service = await db().service.findFirstOrThrow({
    where: { latestTargetId: { not: null }, source: { name: "scale" } },
    select: { id: true, slug: true },
  });

  const pages: Record<string, () => Promise<unknown>> = {
    // Each page's data exactly as its server component loads it (app/(dashboard)/…/page.tsx).
    // The headline is read beside the rest so it paints first.
    overview: () => Promise.all([getOverviewPage({ search: readHeatmapSearch({}) }), getFleetHeadline()]),
    team: () => getTeamPage({ slug: team.slug }),
    service: async () => {
      const detail = await getServiceDetail({ slug: service.slug });
      if (detail?.latestClusterTargetId != null) await getServiceCluster({ serviceId: detail.id });
    },
    factor: () => getFactorReport({ factor: "config" }),
    // The fleet-wide one: every service judged, 60 teams in each day's row.
    initiative: () => getInitiativePage({ slug: "scale-graceful-shutdown" }),
    initiatives: () => listInitiatives(),
  };
  // p95 goals in ms: the for the overview, a team and a service; Dozen's own for a factor page and
  // the initiative pages (a team page's, as they read as much).
  const GOALS: Record<string, number> = { overview: 50, team: 30, service: 15, factor: 30, initiative: 30, initiatives: 30 };
  const result: Record<string, unknown> = {};
  let goalsMet = true;
  for (const [name, load] of Object.entries(pages)) {
    for (let i = 0; i < 20; i++) await load(); // warm-up: plans cached, pages in shared buffers
    const samples: number[] = [];
    let next = 0;
    const client = async () => {
      while (next++ < ITERATIONS) {
        const started = performance.now();
        await load();
        samples.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    samples.sort((a, b) => a - b);
    const at = (q: number) => Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0) * 10) / 10;
    result[name] = { p50: at(0.5), p95: at(0.95) };
    const goal = GOALS[name];
    if (goal !== undefined && at(0.95) > goal) goalsMet = false;
    say(`${name}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${samples.length} loads, ${CLIENTS} clients (goal p95 ≤ ${goal} ms)`);
  }
  // What the pages no longer pay for is paid once per scan: the rollups after a one-service scan
  // (that service's row, its team with fix first, the fleet row with failing counts, checks and movers).
  const rollups: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await updateDailyRollups({ serviceIds: [service.id] });
    rollups.push(performance.now() - started);
  }
  rollups.sort((a, b) => a - b);
  const rollupsAfterOneService = { p50: Math.round((rollups[5] ?? 0) * 10) / 10, max: Math.round((rollups[9] ?? 0) * 10) / 10 };
  result.rollupsAfterOneService = rollupsAfterOneService;
  say(`rollups after a one-service scan: p50 ${rollupsAfterOneService.p50} ms, max ${rollupsAfterOneService.max} ms`);
  const scale = {
    services: await db().service.count(),
    teams: await db().team.count(),
    days: await db().dailyFleetScore.count(),
    factors: 15,
  };
  console.log(`RESULT ${JSON.stringify({ ...result, goals: GOALS, goalsMet, scale, clients: CLIENTS, seedMs: seed.ms })}`);
} finally {
  await disconnectDatabase();
  await embedded?.stop();
}
