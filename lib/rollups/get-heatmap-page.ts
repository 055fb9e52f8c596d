import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import type { OverviewService } from "@/lib/services/get-fleet-overview";

export interface HeatmapQuery {
  /** Team slug. */
  team?: string;
  /** Source name. */
  source?: string;
  grade?: string;
  /** Only services failing a check of this factor (factor score below 100). */
  factor?: string;
  /** Case-insensitive substring of the service's name or slug. */
  q?: string;
  /** "score", "name" or a factor id. */
  sort: string;
  dir: "asc" | "desc";
  /** 1-based. */
  page: number;
  pageSize: number;
  /** false: skip counting the matches (a "top N" list needs none); `total` is then the rows' length. */
  countTotal?: boolean;
}

type Row = Omit<OverviewService, "factors"> & { factors: (number | null)[] | null };

/**
 * One page of the services × factors heatmap over live services, filtered, sorted and paged in SQL from
 * Service's latest score and factors alone (one row per service, no join to history), so it stays fast at
 * 10,000 services and never reads findings. Unscored cells sort last in either direction; ties go by name.
 */
export async function getHeatmapPage(opts: HeatmapQuery): Promise<{ rows: OverviewService[]; total: number }> {
  const factors = Prisma.sql`s."latestFactors"`;
  const factorIndex = (id: string | undefined) => {
    const i = FACTORS.findIndex((f) => f.id === id);
    return i < 0 ? null : Prisma.raw(String(i + 1));
  };
  const filterIndex = factorIndex(opts.factor);
  const sortIndex = factorIndex(opts.sort);
  const where = [Prisma.sql`s."goneAt" IS NULL`];
  // Team and source by id, so the count needs no join and is an index-only scan of (goneAt, teamId).
  if (opts.team) where.push(Prisma.sql`s."teamId" = (SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.team})`);
  if (opts.source) where.push(Prisma.sql`s."sourceId" = (SELECT src."id" FROM "Source" src WHERE src."name" = ${opts.source})`);
  if (opts.grade) where.push(Prisma.sql`s."latestGrade" = ${opts.grade}`);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(s."name" ILIKE ${like} OR s."slug" ILIKE ${like})`);
  }
  // An unknown factor id filters everything out rather than silently showing the whole fleet.
  if (opts.factor) where.push(filterIndex ? Prisma.sql`(${factors})[${filterIndex}] < 100` : Prisma.sql`false`);
  const whereSql = Prisma.join(where, " AND ");
  const dir = opts.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const key = sortIndex ? Prisma.sql`(${factors})[${sortIndex}]` : opts.sort === "name" ? Prisma.sql`s."name"` : Prisma.sql`s."latestScore"`;
  const pageSize = Math.max(1, Math.min(500, Math.floor(opts.pageSize)));
  const offset = (Math.max(1, Math.floor(opts.page)) - 1) * pageSize;
  const from = Prisma.sql`FROM "Service" s JOIN "Source" src ON src."id" = s."sourceId" LEFT JOIN "Team" t ON t."id" = s."teamId"`;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<(Row & { id: number })[]>`
      SELECT s."id", s."slug", s."name", s."path", t."name" AS "team", src."name" AS "source",
        s."latestScore" AS "score", s."latestGrade" AS "grade", s."latestScanAt" AS "scannedAt", ${factors} AS "factors"
      ${from} WHERE ${whereSql}
      ORDER BY ${key} ${dir} NULLS LAST, s."name" ASC, s."id" ASC LIMIT ${pageSize} OFFSET ${offset}`,
    opts.countTotal === false
      ? null
      : db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Service" s WHERE ${whereSql}`,
  ]);
  return {
    total: counted ? (counted[0]?.total ?? 0) : rows.length,
    rows: rows.map(({ id: _id, ...r }) => ({ ...r, factors: toFactorRecord(r.factors) })),
  };
}

/** FACTORS-ordered array → record; a null or missing element means no check applied, so the key is left out. */
function toFactorRecord(values: (number | null)[] | null): Partial<Record<FactorId, number | null>> {
  const record: Partial<Record<FactorId, number | null>> = {};
  FACTORS.forEach((f, i) => {
    const v = values?.[i];
    if (v !== null && v !== undefined) record[f.id] = Math.round(v * 10) / 10;
  });
  return record;
}
