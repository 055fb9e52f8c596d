import { db } from "@/lib/db";
import { seedScaleHistory } from "@/lib/rollups/seed-scale-history";
import { seedScaleSample } from "@/lib/rollups/seed-scale-sample";

export interface ScaleShape {
  services: number;
  teams: number;
  days: number;
  /** Services given a real latest scan with findings. */
  sample: number;
}

export const DEFAULT_SCALE: ScaleShape = { services: 10_000, teams: 60, days: 365, sample: 60 };

/**
 * Fills the current database with a fleet of `services` services in `teams` teams and `days` days of
 * history (the source "scale"), unless it already holds one that size: bulk history through the rollup
 * tables, then a real scan of a sample through persistTargetResult and finishScan. Ends with ANALYZE so
 * the planner sees the new sizes.
 */
export async function seedScaleFleet(opts: { shape?: ScaleShape; log: (m: string) => void }): Promise<{ seeded: boolean; ms: number }> {
  const shape = opts.shape ?? DEFAULT_SCALE;
  const started = performance.now();
  const existing = await db().source.findUnique({ where: { name: "scale" }, select: { id: true, _count: { select: { services: true } } } });
  if (existing && existing._count.services >= shape.services) {
    opts.log(`database already holds the scale fleet (${existing._count.services} services): reusing it`);
    return { seeded: false, ms: 0 };
  }
  const source =
    existing ??
    (await db().source.create({ data: { name: "scale", kind: "local", location: "/nonexistent/scale-fleet", schedule: null }, select: { id: true } }));
  await seedScaleHistory({ sourceId: source.id, teams: shape.teams, services: shape.services, days: shape.days, log: opts.log });
  await seedScaleSample({ sourceId: source.id, count: shape.sample, log: opts.log });
  // VACUUM too: index-only scans (movers, counts) need the visibility map a bulk load leaves unset.
  await db().$executeRawUnsafe("VACUUM ANALYZE");
  const ms = Math.round(performance.now() - started);
  opts.log(`scale fleet seeded in ${(ms / 1000).toFixed(1)} s`);
  return { seeded: true, ms };
}
