import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { failingCountsSql } from "@/lib/rollups/failing-counts-sql";
import { fleetChecksSql } from "@/lib/rollups/fleet-checks-sql";
import { updateFleetMovers } from "@/lib/rollups/update-fleet-movers";
import { updateInitiativeProgress } from "@/lib/initiatives/update-initiative-progress";
import { updateTeamFixFirst } from "@/lib/rollups/update-team-fix-first";
import { utcDay } from "@/lib/db/utc-day";
import { instruments } from "@/lib/telemetry/instruments";
import { withSpan } from "@/lib/telemetry/with-span";

/**
 * Updates the daily rollups after a scan, touching only what the scan can have changed: the given services'
 * rows for `day` (UTC, default today) from their latest score and factors, then the rows of their
 * teams and the fleet's row for that day. Team and fleet figures are means over each live service's latest
 * rollup on or before `day`, so a service not scanned that day still counts with its last known score.
 * Team rows also get their ranked failing checks (updateTeamFixFirst); the fleet row its per-factor
 * failing counts, per-check counts (fleetChecksSql) and the day's biggest movers (updateFleetMovers); open
 * initiatives re-judge the same services (updateInitiativeProgress).
 * Without `serviceIds`, every scored service is refreshed. `teamIds` adds teams to refresh besides the
 * services' own, such as the team a service just left or lost to goneAt (its row must drop the service the
 * same day); the fleet row is always refreshed.
 */
export async function updateDailyRollups(
  opts: { day?: Date; serviceIds?: number[]; teamIds?: number[] } = {},
): Promise<{ services: number; teams: number }> {
  const attributes = { "dozen.rollup.services": opts.serviceIds?.length ?? -1, "dozen.rollup.teams": opts.teamIds?.length ?? 0 };
  return withSpan({ name: "rollups", attributes, histogram: instruments().rollupDuration }, () => writeDailyRollups(opts));
}

async function writeDailyRollups(opts: {
  day?: Date;
  serviceIds?: number[];
  teamIds?: number[];
}): Promise<{ services: number; teams: number }> {
  const day = utcDay({ date: opts.day });
  const ids = opts.serviceIds;
  const onlyServices = ids ? Prisma.sql`AND s."id" = ANY(${ids}::int[])` : Prisma.empty;
  // No services (services just marked gone): only their teams and the fleet change.
  const services =
    ids?.length === 0
      ? 0
      : await db().$executeRaw`
    INSERT INTO "DailyServiceScore" ("serviceId", "day", "score", "grade", "factors")
    SELECT s."id", ${day}::date, s."latestScore", s."latestGrade", s."latestFactors"
    FROM "Service" s
    WHERE s."latestScanAt" IS NOT NULL ${onlyServices}
    ON CONFLICT ("serviceId", "day") DO UPDATE
      SET "score" = EXCLUDED."score", "grade" = EXCLUDED."grade", "factors" = EXCLUDED."factors"`;

  const servicesTeams =
    ids?.length === 0
      ? []
      : (
          await db().service.findMany({
            where: { teamId: { not: null }, ...(ids ? { id: { in: ids } } : {}) },
            select: { teamId: true },
            distinct: ["teamId"],
          })
        ).flatMap((s) => (s.teamId === null ? [] : [s.teamId]));
  const teamIds = [...new Set([...servicesTeams, ...(opts.teamIds ?? [])])];
  if (teamIds.length) {
    await db().$executeRaw`
      WITH ${current(day, Prisma.sql`AND s."teamId" = ANY(${teamIds}::int[])`)}, ${factorMeans(Prisma.sql`c."teamId"`)}
      INSERT INTO "DailyTeamScore" ("teamId", "day", "score", "services", "factors")
      SELECT t.id, ${day}::date, avg(c."score"), count(c."id")::int,
        COALESCE((SELECT fm."factors" FROM fm WHERE fm.k = t.id), '{}')
      FROM unnest(${teamIds}::int[]) AS t(id) LEFT JOIN cur c ON c."teamId" = t.id
      GROUP BY t.id
      ON CONFLICT ("teamId", "day") DO UPDATE
        SET "score" = EXCLUDED."score", "services" = EXCLUDED."services", "factors" = EXCLUDED."factors"`;
    await updateTeamFixFirst({ day, teamIds });
  }
  await db().$executeRaw`
    WITH ${current(day, Prisma.empty)}, ${factorMeans(Prisma.sql`0`)}
    INSERT INTO "DailyFleetScore" ("day", "score", "services", "factors", "failing", "grades", "checks")
    SELECT ${day}::date, avg(c."score"), count(c."id")::int, COALESCE((SELECT fm."factors" FROM fm), '{}'),
      ARRAY[${failingCountsSql({ alias: "c" })}],
      COALESCE((SELECT jsonb_object_agg(g."grade", g.n) FROM
        (SELECT c3."grade", count(*) AS n FROM cur c3 WHERE c3."grade" IS NOT NULL GROUP BY c3."grade") g), '{}'::jsonb),
      ${fleetChecksSql()}
    FROM cur c
    ON CONFLICT ("day") DO UPDATE SET "score" = EXCLUDED."score", "services" = EXCLUDED."services",
      "factors" = EXCLUDED."factors", "failing" = EXCLUDED."failing", "grades" = EXCLUDED."grades", "checks" = EXCLUDED."checks"`;
  await updateFleetMovers({ day });
  await updateInitiativeProgress({ day, ...(ids ? { serviceIds: ids } : {}) });
  return { services, teams: teamIds.length };
}

/** `cur`: each live service's latest rollup on or before the day (one index probe per service). */
function current(day: string, filter: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`cur AS (
    SELECT s."id", s."teamId", r."score", r."grade", r."factors"
    FROM "Service" s
    CROSS JOIN LATERAL (SELECT x."score", x."grade", x."factors" FROM "DailyServiceScore" x
      WHERE x."serviceId" = s."id" AND x."day" <= ${day}::date ORDER BY x."day" DESC LIMIT 1) r
    WHERE (s."goneAt" IS NULL OR s."goneAt" >= ${day}::date + 1) ${filter})`;
}

/** `fm`: per group key `k`, the mean of each factor over the `cur` rows, as an array in FACTORS order. */
function factorMeans(key: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`fm AS (
    SELECT g.k, array_agg(g.v ORDER BY g.ord) AS "factors" FROM (
      SELECT ${key} AS k, f.ord, avg(f.v) AS v
      FROM cur c CROSS JOIN LATERAL unnest(c."factors") WITH ORDINALITY AS f(v, ord)
      GROUP BY 1, 2) g
    GROUP BY g.k)`;
}
