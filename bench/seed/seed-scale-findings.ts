import { db } from "@/lib/db";

/**
 * The bulk part of the scale seed's latest scans: every seeded service that the sample did not scan gets a
 * latest target in the sample's scan holding a copy of one sample target (facts, findings with evidence,
 * factor scores), set-based into the same tables persistTargetResult writes. Without it only the sample's
 * services would have findings, and the queries that join findings (a team's fix-first, a factor's
 * failing services) would be measured on a hundredth of the rows a real fleet has. Scores stay the
 * history's (latestScore is today's rollup), so trends and movers are unchanged by the copy.
 */
export async function seedScaleFindings(opts: { sourceId: number; log: (m: string) => void }): Promise<number> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`
        CREATE TEMP TABLE seed_copy ON COMMIT DROP AS
        WITH sample AS (
          SELECT st."id", st."scanId", row_number() OVER (ORDER BY st."id") - 1 AS k, count(*) OVER () AS n
          FROM "Service" s JOIN "ScanTarget" st ON st."id" = s."latestTargetId"
          WHERE s."sourceId" = ${opts.sourceId}),
        todo AS (
          SELECT s."id", s."path", row_number() OVER (ORDER BY s."id") - 1 AS k
          FROM "Service" s WHERE s."sourceId" = ${opts.sourceId} AND s."latestTargetId" IS NULL)
        SELECT todo."id" AS "serviceId", todo."path", sample."id" AS "fromId", sample."scanId",
          nextval(pg_get_serial_sequence('"ScanTarget"', 'id')) AS "targetId"
        FROM todo JOIN sample ON sample.k = todo.k % sample.n`;
      const copied = await tx.$executeRaw`
        INSERT INTO "ScanTarget" ("id", "scanId", "serviceId", "targetKey", "status", "commit", "facts", "score", "grade", "durationMs", "createdAt")
        SELECT c."targetId", c."scanId", c."serviceId", c."path", 'succeeded', st."commit", st."facts", s."latestScore", s."latestGrade", st."durationMs", s."latestScanAt"
        FROM seed_copy c JOIN "ScanTarget" st ON st."id" = c."fromId" JOIN "Service" s ON s."id" = c."serviceId"`;
      await tx.$executeRaw`
        INSERT INTO "Finding" ("targetId", "ruleId", "ruleVersion", "factor", "outcome", "message", "evidence", "weight", "effort")
        SELECT c."targetId", f."ruleId", f."ruleVersion", f."factor", f."outcome", f."message", f."evidence", f."weight", f."effort"
        FROM seed_copy c JOIN "Finding" f ON f."targetId" = c."fromId" ORDER BY c."targetId", f."id"`;
      await tx.$executeRaw`
        INSERT INTO "FactorScore" ("targetId", "serviceId", "factor", "score", "passed", "failed", "createdAt")
        SELECT c."targetId", c."serviceId", fs."factor", fs."score", fs."passed", fs."failed", now()
        FROM seed_copy c JOIN "FactorScore" fs ON fs."targetId" = c."fromId"`;
      // The copied scan's checks too: the heatmap's check filter and the fleet's per-check counts read them.
      await tx.$executeRaw`
        UPDATE "Service" s SET "latestTargetId" = c."targetId", "latestChecks" = src."latestChecks"
        FROM seed_copy c JOIN "Service" src ON src."latestTargetId" = c."fromId" WHERE s."id" = c."serviceId"`;
      await tx.$executeRaw`
        UPDATE "Scan" sc SET "targetsTotal" = sc."targetsTotal" + n.n, "targetsDone" = sc."targetsDone" + n.n
        FROM (SELECT "scanId", count(*)::int AS n FROM seed_copy GROUP BY "scanId") n WHERE sc."id" = n."scanId"`;
      opts.log(`latest scans with findings copied to ${copied} more services`);
      return copied;
    },
    { timeout: 600_000 },
  );
}
