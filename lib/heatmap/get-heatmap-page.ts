import { selectJson } from "@/lib/db/select-json";
import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import { roundScore } from "@/lib/scoring/score-findings";
import type { OverviewService } from "@/lib/heatmap/heatmap-service";
import { isServiceKind } from "@/lib/facts/service-kinds";

/** The team filter's value for the services no team owns (no team can take this slug). */
export const UNOWNED = "unowned";

export interface HeatmapQuery {
  /** Team slug, or `unowned` for the services no team owns. */
  team?: string;
  /** Source name. */
  source?: string;
  grade?: string;
  /** Service kind (lib/facts/service-kinds.ts): http, grpc, worker, job, tool, datastore or static. */
  kind?: string;
  /** Tier "1"–"4", or "none" for the services without one. */
  tier?: string;
  /** Only services failing a check of this factor (factor score below 100). */
  factor?: string;
  /** Only services whose latest view fails this check (rule id). */
  check?: string;
  /** Case-insensitive substring of the service's name or slug. */
  q?: string;
  /** "score", "name" or a factor id. */
  sort: string;
  dir: "asc" | "desc";
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Rows to skip, when a page starts anywhere but a multiple of pageSize (the v1 API's cursor); overrides `page`. */
  offset?: number;
  /** false: skip counting the matches (a "top N" list needs none); `total` is then the rows' length. */
  countTotal?: boolean;
}

type RowJson = Omit<OverviewService, "factors" | "scannedAt"> & { scannedAt: string | null; factors: (number | null)[] | null };
export type HeatmapPageJson = { total: number | null; rows: RowJson[] | null };

/**
 * JSON fragment `{ total, rows }`: one page of the services × factors heatmap over live services, filtered,
 * sorted and paged in SQL from Service's latest score and factors alone (one row per service, no join to
 * history), so it stays fast at 10,000 services and never reads findings. Unscored cells sort last in
 * either direction; ties go by name. `teamId` (an SQL expression) filters by team without a slug look-up.
 */
export function heatmapPageSql(opts: HeatmapQuery & { teamId?: Prisma.Sql }): Prisma.Sql {
  const factors = Prisma.sql`s."latestFactors"`;
  const factorIndex = (id: string | undefined) => {
    const i = FACTORS.findIndex((f) => f.id === id);
    return i < 0 ? null : Prisma.raw(String(i + 1));
  };
  const filterIndex = factorIndex(opts.factor);
  const sortIndex = factorIndex(opts.sort);
  const where = [Prisma.sql`s."goneAt" IS NULL`];
  // Team and source by id, so the count needs no join and is an index-only scan of (goneAt, teamId).
  if (opts.teamId) where.push(Prisma.sql`s."teamId" = ${opts.teamId}`);
  if (opts.team === UNOWNED) where.push(Prisma.sql`s."teamId" IS NULL`);
  else if (opts.team) where.push(Prisma.sql`s."teamId" = (SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.team})`);
  if (opts.source) where.push(Prisma.sql`s."sourceId" = (SELECT src."id" FROM "Source" src WHERE src."name" = ${opts.source})`);
  if (opts.grade) where.push(Prisma.sql`s."latestGrade" = ${opts.grade}`);
  // Like an unknown factor, an unknown kind filters everything out rather than showing the whole fleet.
  if (opts.kind) where.push(isServiceKind(opts.kind) ? Prisma.sql`s."kind" = ${opts.kind}` : Prisma.sql`false`);
  if (opts.tier === "none") where.push(Prisma.sql`s."tier" IS NULL`);
  else if (opts.tier) where.push(/^[1-4]$/.test(opts.tier) ? Prisma.sql`s."tier" = ${Number(opts.tier)}::smallint` : Prisma.sql`false`);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(s."name" ILIKE ${like} OR s."slug" ILIKE ${like})`);
  }
  // An unknown factor id filters everything out rather than silently showing the whole fleet.
  if (opts.factor) where.push(filterIndex ? Prisma.sql`(${factors})[${filterIndex}] < 100` : Prisma.sql`false`);
  // Containment, so the GIN index on latestChecks answers it.
  if (opts.check) where.push(Prisma.sql`s."latestChecks" @> jsonb_build_object(${opts.check}::text, 'fail')`);
  const whereSql = Prisma.join(where, " AND ");
  const dir = opts.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const key = sortIndex
    ? Prisma.sql`(${factors})[${sortIndex}]`
    : opts.sort === "name"
      ? Prisma.sql`s."name"`
      : Prisma.sql`s."latestScore"`;
  const pageSize = Math.max(1, Math.min(500, Math.floor(opts.pageSize)));
  const offset = opts.offset ?? (Math.max(1, Math.floor(opts.page)) - 1) * pageSize;
  const total = opts.countTotal === false ? Prisma.sql`NULL::int` : Prisma.sql`(SELECT count(*)::int FROM "Service" s WHERE ${whereSql})`;
  // The page is cut in the subquery (a top-N sort or an index walk); json_agg sorts those few rows again, as
  // an aggregate's input order is not guaranteed to follow a subquery's.
  return Prisma.sql`json_build_object('total', ${total}, 'rows', (SELECT json_agg(json_build_object('slug', p."slug", 'name', p."name",
      'path', p."path", 'repository', p."repository", 'kind', p."kind", 'tier', p."tier", 'team', p."team", 'source', p."source", 'score', p."score", 'grade', p."grade",
      'scannedAt', p."scannedAt", 'factors', p."factors") ORDER BY p."key" ${dir} NULLS LAST, p."name" ASC, p."id" ASC) FROM (
    SELECT s."id", s."slug", s."name", s."path", s."repository", s."kind", s."tier", t."name" AS "team", src."name" AS "source", s."latestScore" AS "score",
      s."latestGrade" AS "grade", s."latestScanAt" AT TIME ZONE 'UTC' AS "scannedAt", ${factors} AS "factors", ${key} AS "key"
    FROM "Service" s JOIN "Source" src ON src."id" = s."sourceId" LEFT JOIN "Team" t ON t."id" = s."teamId"
    WHERE ${whereSql}
    ORDER BY ${key} ${dir} NULLS LAST, s."name" ASC, s."id" ASC LIMIT ${pageSize}::int OFFSET ${offset}::int) p))`;
}

/** JSON of heatmapPageSql → rows with their factors as a record and scan times as dates. */
export function toHeatmapPage(value: HeatmapPageJson): { rows: OverviewService[]; total: number } {
  const rows = (value.rows ?? []).map((r) => ({
    ...r,
    scannedAt: r.scannedAt === null ? null : new Date(r.scannedAt),
    factors: toFactorRecord(r.factors),
  }));
  return { total: value.total ?? rows.length, rows };
}

/** One page of the heatmap (see heatmapPageSql), its rows and the number of matches, in one statement. */
export async function getHeatmapPage(opts: HeatmapQuery): Promise<{ rows: OverviewService[]; total: number }> {
  return toHeatmapPage(await selectJson(heatmapPageSql(opts)));
}

/** FACTORS-ordered array → record; a null or missing element means no check applied, so the key is left out. */
function toFactorRecord(values: (number | null)[] | null): Partial<Record<FactorId, number | null>> {
  const record: Partial<Record<FactorId, number | null>> = {};
  FACTORS.forEach((f, i) => {
    const v = values?.[i];
    if (v !== null && v !== undefined) record[f.id] = roundScore(v);
  });
  return record;
}
