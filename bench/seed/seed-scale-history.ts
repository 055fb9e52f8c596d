import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS } from "@/lib/factors/factors";
import { failingCountsSql } from "@/lib/rollups/failing-counts-sql";
import { utcDay } from "@/lib/db/utc-day";

/**
 * Bulk part of the scale seed: `teams` teams, `services` services of one source and `days` days of daily
 * service rollups (15 factors each), written set-based with INSERT … SELECT generate_series into the same
 * tables the scan path writes. Scores are deterministic: each service × factor has a base level from a
 * hash, a slow per-service drift and a little daily noise; a fifth of services have no admin-processes or
 * port-binding check. Team and fleet rows for past days are GROUP BYs, valid because every service has a
 * row every day here; today's are left to updateDailyRollups (the scan path).
 */
export async function seedScaleHistory(opts: {
  sourceId: number;
  teams: number;
  services: number;
  days: number;
  log: (m: string) => void;
}) {
  const today = utcDay();
  const first = utcDay({ minusDays: opts.days - 1 });
  await db().$executeRaw`
    INSERT INTO "Team" ("slug", "name") SELECT 'scale-team-' || lpad(i::text, 2, '0'), 'Scale team ' || i
    FROM generate_series(1, ${opts.teams}::int) i ON CONFLICT ("slug") DO NOTHING`;
  await db().$executeRaw`
    INSERT INTO "Service" ("slug", "name", "sourceId", "path", "teamId", "ownerSource", "languages", "updatedAt")
    SELECT 'svc-' || lpad(i::text, 5, '0'), 'svc-' || lpad(i::text, 5, '0'), ${opts.sourceId}::int,
      'services/svc-' || lpad(i::text, 5, '0'), t."id", 'repository',
      ARRAY[(ARRAY['Go','TypeScript','Java','Python','C#','Ruby'])[1 + i % 6]], now()
    FROM generate_series(1, ${opts.services}::int) i
    JOIN "Team" t ON t."slug" = 'scale-team-' || lpad((1 + i % ${opts.teams}::int)::text, 2, '0')
    ON CONFLICT ("sourceId", "path") DO NOTHING`;
  opts.log(`teams and services written; writing ${opts.days} days of service rollups`);

  // One batch per 30 days, two at a time: the two cores each build one.
  const batches: [number, number][] = [];
  for (let start = 0; start < opts.days; start += 30) batches.push([start, Math.min(opts.days, start + 30) - 1]);
  const run = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      await insertServiceDays({ sourceId: opts.sourceId, first, from: batch[0], to: batch[1], days: opts.days });
      opts.log(`service rollups: days ${batch[0] + 1}–${batch[1] + 1} of ${opts.days}`);
    }
  };
  await Promise.all([run(), run()]);

  await db().$executeRaw`
    UPDATE "Service" s SET "latestScore" = d."score", "latestGrade" = d."grade", "latestFactors" = d."factors",
      "latestScanAt" = d."day"::timestamp + interval '3 hours'
    FROM "DailyServiceScore" d WHERE d."serviceId" = s."id" AND d."day" = ${today}::date AND s."sourceId" = ${opts.sourceId}`;
  await db().$executeRaw`
    INSERT INTO "DailyTeamScore" ("teamId", "day", "score", "services", "factors")
    SELECT s."teamId", d."day", avg(d."score"), count(*)::int,
      ARRAY[${FACTOR_MEANS}]
    FROM "DailyServiceScore" d JOIN "Service" s ON s."id" = d."serviceId"
    WHERE s."teamId" IS NOT NULL AND d."day" < ${today}::date GROUP BY s."teamId", d."day"
    ON CONFLICT DO NOTHING`;
  await db().$executeRaw`
    INSERT INTO "DailyFleetScore" ("day", "score", "services", "factors", "failing", "grades")
    SELECT g."day", sum(g."sum") / nullif(sum(g."scored"), 0), sum(g."n")::int, g2."factors", g2."failing", jsonb_object_agg(g."grade", g."n")
    FROM (SELECT d."day", d."grade", count(*) AS n, count(d."score") AS scored, sum(d."score") AS sum
          FROM "DailyServiceScore" d WHERE d."day" < ${today}::date GROUP BY d."day", d."grade") g
    JOIN (SELECT d."day", ARRAY[${FACTOR_MEANS}] AS "factors", ARRAY[${failingCountsSql({ alias: "d" })}] AS "failing" FROM "DailyServiceScore" d
          WHERE d."day" < ${today}::date GROUP BY d."day") g2 ON g2."day" = g."day"
    GROUP BY g."day", g2."factors", g2."failing"
    ON CONFLICT DO NOTHING`;
  opts.log("team and fleet rollups for past days written");
}

/** `avg(d.factors[1]), …, avg(d.factors[15])`: per-factor means of a group of service rows. */
const FACTOR_MEANS = Prisma.raw(FACTORS.map((_, i) => `avg(d."factors"[${i + 1}])`).join(", "));

/** Factor k (1-based) of service `s` on day `d`: base 25–100, drift −0.06…+0.06 a day up to today, noise ±3. */
function factorExpr(k: number, days: number): string {
  const value = `greatest(0, least(100, round((25 + abs(hashint4(s."id" * 17 + ${k})) % 76
    - (abs(hashint4(s."id")) % 13 - 6) * 0.01 * (${days - 1} - d)
    + (abs(hashint4(s."id" * 7919 + d * 15 + ${k})) % 7 - 3))::numeric, 1)))::float8`;
  // A fifth of services have no admin-processes (12) or port-binding (7) check that applies.
  return k === 7 || k === 12 ? `CASE WHEN abs(hashint4(s."id" * 31 + ${k})) % 5 = 0 THEN NULL ELSE ${value} END` : value;
}

async function insertServiceDays(opts: { sourceId: number; first: string; from: number; to: number; days: number }) {
  const ks = FACTORS.map((_, i) => i + 1);
  const factors = `ARRAY[${ks.map((k) => factorExpr(k, opts.days)).join(",\n")}]`;
  // Day-major, as real scans write a day's rows together: one day's rows share pages.
  await db().$executeRawUnsafe(`
    INSERT INTO "DailyServiceScore" ("serviceId", "day", "score", "grade", "factors")
    SELECT v.id, v.day, v.score,
      CASE WHEN v.score IS NULL THEN 'N/A' WHEN v.score >= 90 THEN 'A' WHEN v.score >= 80 THEN 'B'
           WHEN v.score >= 70 THEN 'C' WHEN v.score >= 60 THEN 'D' ELSE 'F' END, v.f
    FROM (
      SELECT w.id, w.day, w.f, round(((${ks.map((k) => `coalesce(w.f[${k}], 0)`).join(" + ")})
        / nullif(${ks.map((k) => `(w.f[${k}] IS NOT NULL)::int`).join(" + ")}, 0))::numeric, 1)::float8 AS score
      FROM (SELECT s."id", ('${opts.first}'::date + d) AS day, ${factors} AS f
            FROM generate_series(${opts.from}, ${opts.to}) d CROSS JOIN "Service" s
            WHERE s."sourceId" = ${opts.sourceId} ORDER BY d, s."id") w
    ) v
    ON CONFLICT DO NOTHING`);
}
