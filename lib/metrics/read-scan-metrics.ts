import { db } from "@/lib/db";
import { $Enums, Prisma } from "@/lib/generated/prisma/client";
import type { MetricFamily } from "@/lib/metrics/format-families";

/** Upper bounds (seconds) of the scan duration buckets: a local directory takes seconds, an organisation hours. */
export const SCAN_DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200] as const;

const FINISHED = ["succeeded", "partial", "failed"] as const;
const IN_PROGRESS = ["queued", "running"] as const;

/**
 * The fleet's scans as metric families, read from the `Scan` table at scrape time: finished scans by source
 * kind and status (a counter: rows are never deleted while their source lives), their durations from start
 * to finish (a histogram with the same labels), and the scans queued or running now (a gauge). Whichever
 * worker ran a scan, and however often workers restarted, every web process reports the same figures.
 */
export async function readScanMetrics(): Promise<MetricFamily[]> {
  const [finished, active] = await Promise.all([
    db().$queryRaw<{ kind: string; status: string; count: number; sum: number; buckets: number[] }[]>`
      SELECT src."kind"::text AS kind, s."status"::text AS status, count(*)::int AS count,
        COALESCE(sum(d.seconds), 0)::float8 AS sum,
        ARRAY[${Prisma.join(SCAN_DURATION_BUCKETS.map((le) => Prisma.sql`count(*) FILTER (WHERE d.seconds <= ${le})::int`))}] AS buckets
      FROM "Scan" s
      JOIN "Source" src ON src."id" = s."sourceId"
      CROSS JOIN LATERAL (SELECT GREATEST(0, extract(epoch FROM s."finishedAt" - COALESCE(s."startedAt", s."createdAt")))::float8 AS seconds) d
      WHERE s."status" IN ('succeeded', 'partial', 'failed') AND s."finishedAt" IS NOT NULL
      GROUP BY 1, 2`,
    db().$queryRaw<{ kind: string; status: string; count: number }[]>`
      SELECT src."kind"::text AS kind, s."status"::text AS status, count(*)::int AS count
      FROM "Scan" s JOIN "Source" src ON src."id" = s."sourceId"
      WHERE s."status" IN ('queued', 'running')
      GROUP BY 1, 2`,
  ]);
  // Every kind × status from the start, so a counter's first increase is seen by rate().
  const kinds = Object.values($Enums.SourceKind);
  const row = <T extends { kind: string; status: string }>(rows: T[], kind: string, status: string) =>
    rows.find((r) => r.kind === kind && r.status === status);
  const grid = <S extends string>(statuses: readonly S[]) => kinds.flatMap((kind) => statuses.map((status) => ({ kind, status })));

  return [
    {
      name: "dozen_scans_total",
      help: "Finished scans by source kind and status (succeeded, partial, failed), from the database.",
      type: "counter",
      samples: grid(FINISHED).map((labels) => ({ labels, value: row(finished, labels.kind, labels.status)?.count ?? 0 })),
    },
    {
      name: "dozen_scans_in_progress",
      help: "Scans queued or running now by source kind, from the database.",
      type: "gauge",
      samples: grid(IN_PROGRESS).map((labels) => ({ labels, value: row(active, labels.kind, labels.status)?.count ?? 0 })),
    },
    {
      name: "dozen_scan_duration_seconds",
      help: "Time finished scans took from start to finish, by source kind and status, from the database.",
      type: "histogram",
      samples: grid(FINISHED).flatMap((labels) => {
        const r = row(finished, labels.kind, labels.status);
        return [
          ...SCAN_DURATION_BUCKETS.map((le, i) => ({
            suffix: "_bucket" as const,
            labels: { ...labels, le: String(le) },
            value: r?.buckets[i] ?? 0,
          })),
          { suffix: "_bucket" as const, labels: { ...labels, le: "+Inf" }, value: r?.count ?? 0 },
          { suffix: "_sum" as const, labels, value: r?.sum ?? 0 },
          { suffix: "_count" as const, labels, value: r?.count ?? 0 },
        ];
      }),
    },
  ];
}
