import { db } from "@/lib/db";
import { seedScaleFindings } from "@/bench/seed/seed-scale-findings";
import { seedScaleHistory } from "@/bench/seed/seed-scale-history";
import { seedScaleInitiatives } from "@/bench/seed/seed-scale-initiatives";
import { seedScaleSample } from "@/bench/seed/seed-scale-sample";
import { seedScaleExemptions } from "@/bench/seed/seed-scale-exemptions";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

export interface ScaleShape {
  services: number;
  teams: number;
  days: number;
  /** Services given a real latest scan through the scan path; every other service gets a copy of one. */
  sample: number;
}

export const DEFAULT_SCALE: ScaleShape = { services: 10_000, teams: 60, days: 365, sample: 60 };

/**
 * Fills the current database with a fleet of `services` services in `teams` teams and `days` days of
 * history (the source "scale"), doing only the steps a database seeded earlier still lacks: bulk history
 * through the rollup tables, a real scan of a sample through persistTargetResult and finishScan, then a
 * latest scan with findings for every other service, exemptions of about 3 % of the failing checks, and today's
 * rollups refreshed through the scan path's updateDailyRollups, and five initiatives with 90 days of progress
 * (seedScaleInitiatives). Ends with VACUUM ANALYZE so the planner sees the new sizes.
 */
export async function seedScaleFleet(opts: { shape?: ScaleShape; log: (m: string) => void }): Promise<{ seeded: boolean; ms: number }> {
  const shape = opts.shape ?? DEFAULT_SCALE;
  const started = performance.now();
  const existing = await db().source.findUnique({ where: { name: "scale" }, select: { id: true } });
  const count = (where = {}) => (existing ? db().service.count({ where: { sourceId: existing.id, ...where } }) : 0);
  const [services, unscanned] = await Promise.all([count(), count({ latestTargetId: null })]);
  if (services >= shape.services && unscanned === 0) {
    opts.log(`database already holds the scale fleet (${services} services): reusing it`);
    // A seed made before exemptions or initiatives existed gets them now (a no-op once it has some).
    const exempted = existing ? await seedScaleExemptions({ sourceId: existing.id, log: opts.log }) : 0;
    const initiated = await seedScaleInitiatives({ log: opts.log });
    if (exempted > 0 || initiated > 0) await db().$executeRawUnsafe("VACUUM ANALYZE");
    return { seeded: false, ms: 0 };
  }
  const source =
    existing ??
    (await db().source.create({
      data: { name: "scale", kind: "local", location: "/nonexistent/scale-fleet", schedule: null },
      select: { id: true },
    }));
  if (services < shape.services) {
    await seedScaleHistory({ sourceId: source.id, teams: shape.teams, services: shape.services, days: shape.days, log: opts.log });
  }
  if (services < shape.services || unscanned === services)
    await seedScaleSample({ sourceId: source.id, count: shape.sample, log: opts.log });
  await seedScaleFindings({ sourceId: source.id, log: opts.log });
  await seedScaleExemptions({ sourceId: source.id, log: opts.log });
  const rollups = await updateDailyRollups();
  opts.log(`today's rollups refreshed for ${rollups.services} services in ${rollups.teams} teams`);
  await seedScaleInitiatives({ log: opts.log });
  // VACUUM too: index-only scans (movers, counts) need the visibility map a bulk load leaves unset.
  await db().$executeRawUnsafe("VACUUM ANALYZE");
  const ms = Math.round(performance.now() - started);
  opts.log(`scale fleet seeded in ${(ms / 1000).toFixed(1)} s`);
  return { seeded: true, ms };
}
