/**
 * Page-data queries of the dashboard at scale: seeds (or reuses) a database of 10,000 services × 365 days
 * (DATABASE_URL, or its own embedded PostgreSQL under DOZEN_DATA_DIR/bench-pg), then runs each page's
 * queries — as the page runs them, in parallel — from 4 concurrent clients sharing the process's pool.
 * Last line: RESULT {"overview":{"p50":…,"p95":…},"team":…,"service":…,"scale":…} (milliseconds).
 *   npm run bench:dashboard [-- <iterations per page, default 400>]
 */
import path from "node:path";
import { configureDatabase, db, disconnectDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/db/start-embedded-postgres";
import { createLogger } from "@/lib/log/logger";
import { getFailingFactors } from "@/lib/rollups/get-failing-factors";
import { getFleetTrend } from "@/lib/rollups/get-fleet-trend";
import { getGradeDistribution } from "@/lib/rollups/get-grade-distribution";
import { getHeatmapPage } from "@/lib/rollups/get-heatmap-page";
import { getMovers } from "@/lib/rollups/get-movers";
import { getServiceTrend } from "@/lib/rollups/get-service-trend";
import { getTeamTrend } from "@/lib/rollups/get-team-trend";
import { DEFAULT_SCALE, seedScaleFleet } from "@/lib/rollups/seed-scale-fleet";
import { getFleetScore } from "@/lib/services/get-fleet-score";
import { getServiceCluster } from "@/lib/services/get-service-cluster";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { listHeatmapFilters } from "@/lib/services/list-heatmap-filters";
import { getTeamScorecard } from "@/lib/teams/get-team-scorecard";

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
  await applyMigrations({ url: embedded.url, log });
  await configureDatabase({ url: embedded.url });
  say(`embedded PostgreSQL with data in ${embedded.dataDir}`);
}
try {
  const seed = await seedScaleFleet({ log: say });
  const team = await db().team.findFirstOrThrow({ where: { slug: { startsWith: "scale-team-" } }, orderBy: { slug: "asc" }, select: { id: true, slug: true } });
  const service = await db().service.findFirstOrThrow({ where: { latestTargetId: { not: null }, source: { name: "scale" } }, select: { id: true, slug: true } });

  const pages: Record<string, () => Promise<unknown>> = {
    // Each page's queries exactly as its server component runs them (app/(dashboard)/…/page.tsx).
    overview: () =>
      Promise.all([
        getFleetScore(),
        getHeatmapPage({ sort: "score", dir: "asc", page: 1, pageSize: 50 }),
        listHeatmapFilters(),
        getFleetTrend({ days: 180 }),
        getGradeDistribution(),
        getFailingFactors({ limit: 5 }),
        getHeatmapPage({ sort: "score", dir: "asc", page: 1, pageSize: 5, countTotal: false }),
        ...([7, 30] as const).flatMap((days) => [getMovers({ days, limit: 5, direction: "worse" }), getMovers({ days, limit: 5, direction: "better" })]),
      ]),
    team: () => Promise.all([getTeamScorecard({ slug: team.slug }), getTeamTrend({ teamSlug: team.slug, days: 180 })]),
    service: async () => {
      const detail = await getServiceDetail({ slug: service.slug });
      await Promise.all([
        detail!.latestClusterTargetId === null ? null : getServiceCluster({ serviceId: detail!.id }),
        getServiceTrend({ serviceId: detail!.id, days: 180 }),
      ]);
    },
  };
  const result: Record<string, unknown> = {};
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
    say(`${name}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${samples.length} loads, ${CLIENTS} clients`);
  }
  const scale = { services: await db().service.count(), teams: await db().team.count(), days: await db().dailyFleetScore.count(), factors: 15 };
  console.log(`RESULT ${JSON.stringify({ ...result, scale, clients: CLIENTS, seedMs: seed.ms })}`);
} finally {
  await disconnectDatabase();
  await embedded?.stop();
}
