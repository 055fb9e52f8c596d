-- DropIndex
DROP INDEX "DailyServiceScore_day_idx";

-- AlterTable
ALTER TABLE "DailyFleetScore" ADD COLUMN     "failing" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "latestFactors" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- CreateIndex
CREATE INDEX "DailyServiceScore_day_serviceId_score_idx" ON "DailyServiceScore"("day", "serviceId", "score");


-- Backfill: each service's latest factors from its latest daily rollup row (written after every scan),
-- then, where a cluster audit exists, from that target's factor scores, which combine repository and cluster.
UPDATE "Service" s SET "latestFactors" = r."factors"
FROM (SELECT DISTINCT ON ("serviceId") "serviceId", "factors" FROM "DailyServiceScore" ORDER BY "serviceId", "day" DESC) r
WHERE r."serviceId" = s."id" AND s."latestScore" IS NOT NULL;

UPDATE "Service" s SET "latestFactors" = ARRAY(
  SELECT fs."score" FROM unnest(ARRAY['codebase','dependencies','config','backing-services','build-release-run','processes',
    'port-binding','concurrency','disposability','dev-prod-parity','logs','admin-processes','api-first','telemetry','auth'])
    WITH ORDINALITY AS f(id, ord)
  LEFT JOIN "FactorScore" fs ON fs."targetId" = s."latestClusterTargetId" AND fs."factor" = f.id
  ORDER BY f.ord)
WHERE s."latestClusterTargetId" IS NOT NULL;

-- The latest fleet day's failing counts, so the overview has them before the next scan.
UPDATE "DailyFleetScore" d SET "failing" = ARRAY(
  SELECT count(s."id") FILTER (WHERE s."latestFactors"[k] < 100)::int
  FROM generate_series(1, 15) k LEFT JOIN "Service" s ON s."goneAt" IS NULL AND s."latestScore" IS NOT NULL
  GROUP BY k ORDER BY k)
WHERE d."day" = (SELECT max("day") FROM "DailyFleetScore");
