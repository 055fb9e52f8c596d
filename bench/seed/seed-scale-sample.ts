import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { persistTarget } from "@/lib/persistence/persist-target";
import { rulesVersion } from "@/lib/rules/rules-version";

const FLEET = fileURLToPath(new URL("../../examples/fleet", import.meta.url));

/**
 * The scan-path part of the scale seed: the demo fleet is scanned once for real and its results are
 * persisted as today's scan of `count` seeded services (spread over the teams), each with facts, findings
 * and factor scores, so service pages have findings to show. finishScan then updates today's service, team
 * and fleet rollups through the same hook a worker's scan uses.
 */
export async function seedScaleSample(opts: { sourceId: number; count: number; log: (m: string) => void }) {
  const outcome = await scanLocalDirectory({ root: FLEET });
  const total = await db().service.count({ where: { sourceId: opts.sourceId } });
  const step = Math.max(1, Math.floor(total / opts.count));
  const sample = await db().$queryRaw<{ path: string; name: string; team: string | null }[]>`
    SELECT s."path", s."name", t."slug" AS "team" FROM "Service" s LEFT JOIN "Team" t ON t."id" = s."teamId"
    WHERE s."sourceId" = ${opts.sourceId} AND s."id" % ${step}::int = 0 ORDER BY s."id" LIMIT ${opts.count}`;
  const scan = await db().scan.create({
    data: {
      sourceId: opts.sourceId,
      trigger: "manual",
      rulesVersion: rulesVersion(),
      status: "running",
      targetsTotal: sample.length,
      startedAt: new Date(),
    },
    select: { id: true },
  });
  for (const [i, service] of sample.entries()) {
    const result = outcome.services[i % outcome.services.length];
    if (!result) throw new Error("the demo fleet produced no scanned service");
    // Same findings and scores as the demo service, under the seeded service's path, name and team.
    const facts = { ...result.facts, service: { ...result.facts.service, owners: service.team ? [service.team] : [] } };
    await persistTarget({
      scanId: scan.id,
      sourceId: opts.sourceId,
      target: { kind: "repository", result: { ...result, key: service.path, path: service.path, name: service.name, facts } },
    });
  }
  const started = performance.now();
  await finishScan({ scanId: scan.id });
  opts.log(`sample of ${sample.length} services scanned; finishScan with rollups took ${Math.round(performance.now() - started)} ms`);
}
