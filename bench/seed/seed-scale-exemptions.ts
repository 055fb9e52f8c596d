import { db } from "@/lib/db";

/**
 * Exemptions in realistic numbers for the scale fleet: about 3 % of the failing checks of its services (chosen
 * by a hash, so a re-seed picks the same), of every kind, expiring over the next 170 days (a few this week), one
 * in ten pending approval; the active ones marked `exempt` in latestChecks as scoring would. Set-based, and a
 * no-op when the source has exemptions already. Scores stay the history's, like the copied findings'.
 */
export async function seedScaleExemptions(opts: { sourceId: number; log: (m: string) => void }): Promise<number> {
  if ((await db().exemption.count({ where: { service: { sourceId: opts.sourceId } } })) > 0) return 0;
  return db().$transaction(
    async (tx) => {
      const made = await tx.$executeRaw`
        INSERT INTO "Exemption" ("scope", "ruleId", "serviceId", "kind", "reason", "expiresAt", "status", "origin", "requestedBy",
          "approvedBy", "approvedAt", "createdAt", "updatedAt")
        SELECT 'service', c."key", c."id", (ARRAY['accepted-risk', 'false-positive', 'not-applicable'])[1 + c.h % 3],
          'Seeded for the benchmark', now() + (1 + c.h % 170) * interval '1 day', CASE WHEN c.h % 10 = 0 THEN 'pending' ELSE 'active' END,
          'api', 'seed', CASE WHEN c.h % 10 = 0 THEN NULL ELSE 'seed' END, CASE WHEN c.h % 10 = 0 THEN NULL ELSE now() END, now(), now()
        FROM (SELECT s."id", e."key", abs(hashtext(s."id"::text || ':' || e."key")) AS h
              FROM "Service" s CROSS JOIN LATERAL jsonb_each_text(s."latestChecks") e
              WHERE s."sourceId" = ${opts.sourceId} AND e."value" = 'fail') c
        WHERE c.h % 100 < 3`;
      await tx.$executeRaw`
        UPDATE "Service" s SET "latestChecks" = s."latestChecks" || x."patch"
        FROM (SELECT "serviceId", jsonb_object_agg("ruleId", 'exempt') AS "patch" FROM "Exemption"
              WHERE "status" = 'active' AND "serviceId" IS NOT NULL GROUP BY "serviceId") x
        WHERE s."id" = x."serviceId" AND s."sourceId" = ${opts.sourceId}`;
      opts.log(`${made} exemptions seeded`);
      return made;
    },
    { timeout: 600_000 },
  );
}
