import { readRows } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { Prisma } from "@/lib/generated/prisma/client";
import { PREPARED } from "@/lib/db/prepared-statements";
import { initiativeColumnsSql, toInitiativeSummary, type InitiativeRow } from "@/lib/initiatives/initiative-summary";
import { projectProgress, type ProgressState } from "@/lib/initiatives/project-progress";

/** Services the page lists as left (not meeting the goal); `leftCount` says how many there are. */
const LEFT_LISTED = 200;

/** One team's part of an initiative: its counts today and where its own pace leads. Unowned services have no slug. */
export interface InitiativeTeam {
  slug: string | null;
  name: string;
  services: number;
  met: number;
  state: ProgressState;
}

type Row = InitiativeRow & {
  /** The first and the latest day of the campaign's per-team counts (a team's pace needs only those two). */
  firstDay: [string, Record<string, [number, number]>] | null;
  lastDay: [string, Record<string, [number, number]>] | null;
  left: { slug: string; name: string; team: string | null; value: number | null }[] | null;
  leftCount: number;
  teamNames: Record<string, [string, string]> | null;
};

/**
 * An initiative's page in one statement, all from its rollups: the initiative with its whole history
 * (DailyInitiativeProgress since its start, for the chart), the per-team counts of its first and latest day
 * (each team's own pace between them says whether it is late or projected to miss), and the services still not
 * meeting the goal (first 200 by team and name, from InitiativeService: team by team in name order, each team's own index range, so it reads
 * the few teams the 200 come from rather than every unmet service; names only for the teams of the latest day).
 * Null for an unknown slug.
 */
export async function getInitiativePage(opts: { slug: string }) {
  const [row] = await readRows<Row[]>(Prisma.sql`
    SELECT ${PREPARED} ${initiativeColumnsSql({ since: Prisma.sql`i."startsOn"` })},
      (SELECT json_build_array(to_char(d."day", 'YYYY-MM-DD'), d."teams") FROM "DailyInitiativeProgress" d
        WHERE d."initiativeId" = i."id" AND d."day" >= i."startsOn" ORDER BY d."day" LIMIT 1) AS "firstDay",
      (SELECT json_build_array(to_char(d."day", 'YYYY-MM-DD'), d."teams") FROM "DailyInitiativeProgress" d
        WHERE d."initiativeId" = i."id" AND d."day" >= i."startsOn" ORDER BY d."day" DESC LIMIT 1) AS "lastDay",
      (SELECT json_agg(json_build_object('slug', l."slug", 'name', l."name", 'team', l."team", 'value', l."value")
          ORDER BY l."team" NULLS LAST, l."name") FROM (
        SELECT u.* FROM (
          (SELECT l."slug", l."name", t."name" AS "team", l."value"
            FROM (SELECT "id", "name" FROM "Team" ORDER BY "name") t
            CROSS JOIN LATERAL (SELECT s."slug", s."name", x."value"
              FROM "InitiativeService" x JOIN "Service" s ON s."id" = x."serviceId"
              WHERE x."initiativeId" = i."id" AND x."status" = 'unmet' AND x."teamId" = t."id"
              ORDER BY s."name" LIMIT ${LEFT_LISTED}) l
            ORDER BY t."name", l."name" LIMIT ${LEFT_LISTED})
          UNION ALL
          (SELECT s."slug", s."name", NULL, x."value"
            FROM "InitiativeService" x JOIN "Service" s ON s."id" = x."serviceId"
            WHERE x."initiativeId" = i."id" AND x."status" = 'unmet' AND x."teamId" IS NULL
            ORDER BY s."name" LIMIT ${LEFT_LISTED})) u
        ORDER BY u."team" NULLS LAST, u."name" LIMIT ${LEFT_LISTED}) l) AS "left",
      (SELECT count(*)::int FROM "InitiativeService" x WHERE x."initiativeId" = i."id" AND x."status" = 'unmet') AS "leftCount",
      (SELECT json_object_agg(t."id", json_build_array(t."slug", t."name")) FROM "Team" t
        WHERE (SELECT d."teams" FROM "DailyInitiativeProgress" d WHERE d."initiativeId" = i."id" AND d."day" >= i."startsOn"
          ORDER BY d."day" DESC LIMIT 1) ? t."id"::text) AS "teamNames"
    FROM "Initiative" i WHERE i."slug" = ${opts.slug}`);
  if (!row) return null;
  const today = utcDay();
  const summary = toInitiativeSummary(row, today);
  const days =
    row.firstDay && row.lastDay && row.firstDay[0] !== row.lastDay[0] ? [row.firstDay, row.lastDay] : row.lastDay ? [row.lastDay] : [];
  const latest = row.lastDay?.[1] ?? {};
  const teams: InitiativeTeam[] = Object.entries(latest).map(([key, [services, met]]) => {
    // A team's pace is from the campaign's first day to its latest (projectProgress reads only those two).
    const history = days.map(([day, counts]) => ({ day, services: counts[key]?.[0] ?? 0, met: counts[key]?.[1] ?? 0 }));
    const [slug, name] = row.teamNames?.[key] ?? [null, "Unowned"];
    return { slug, name, services, met, state: projectProgress({ history, deadline: summary.deadline, today }).state };
  });
  teams.sort((a, b) => a.met / a.services - b.met / b.services || a.name.localeCompare(b.name));
  return {
    summary,
    teams,
    /** Teams past the deadline with services left, or whose pace will not meet the goal by then. */
    late: summary.closed ? [] : teams.filter((t) => t.state === "late" || t.state === "atRisk"),
    left: row.left ?? [],
    leftCount: row.leftCount,
    history: summary.history,
  };
}
