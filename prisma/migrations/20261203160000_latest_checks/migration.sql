-- AlterTable
ALTER TABLE "DailyFleetScore" ADD COLUMN     "checks" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "latestChecks" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "Service_latestChecks_idx" ON "Service" USING GIN ("latestChecks" jsonb_path_ops);

-- Backfill: each service's checks from its latest repository and cluster targets, as the scan path now
-- writes them; the fleet's `checks` follow when `npm run migrate` refreshes today's rollups.
UPDATE "Service" s SET "latestChecks" = c."checks"
FROM (
  SELECT s2."id", jsonb_object_agg(f."ruleId", f."outcome"::text) AS "checks"
  FROM "Service" s2 JOIN "Finding" f ON f."targetId" IN (s2."latestTargetId", s2."latestClusterTargetId")
  WHERE f."outcome" IN ('pass', 'fail')
  GROUP BY s2."id"
) c
WHERE c."id" = s."id";
