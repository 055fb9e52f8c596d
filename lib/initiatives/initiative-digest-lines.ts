import { db } from "@/lib/db";
import { describeGoal } from "@/lib/initiatives/judge-goal";
import { projectProgress } from "@/lib/initiatives/project-progress";
import { readInitiativeRules } from "@/lib/initiatives/read-initiative-rules";
import { plural } from "@/lib/text/plural";

type Counts = Record<string, [number, number]>;
interface Row {
  name: string;
  goal: unknown;
  scope: unknown;
  deadline: string;
  day: string | null;
  services: number | null;
  met: number | null;
  teams: Counts | null;
  dayBefore: string | null;
  metBefore: number | null;
  servicesBefore: number | null;
  teamsBefore: Counts | null;
}

const STATE_WORDS = { done: "done", onTrack: "on track", atRisk: "at risk", late: "late" } as const;

/**
 * A weekly digest's "initiative progress" lines, one per open initiative, from its progress rollups: for the
 * fleet its totals, for a team (`teamId`) the team's own part, skipped when the team has no service in it.
 * "Graceful shutdown (passes handlesSigterm, by 2027-03-31): 12 of 20 services (+3 this week), at risk."
 */
export async function initiativeDigestLines(opts: { today: string; weekAgo: string; teamId?: number }): Promise<string[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT i."name", i."goal", i."scope", to_char(i."deadline", 'YYYY-MM-DD') AS "deadline",
      to_char(l."day", 'YYYY-MM-DD') AS "day", l."services", l."met", l."teams",
      to_char(w."day", 'YYYY-MM-DD') AS "dayBefore", w."services" AS "servicesBefore", w."met" AS "metBefore", w."teams" AS "teamsBefore"
    FROM "Initiative" i
    LEFT JOIN LATERAL (SELECT d.* FROM "DailyInitiativeProgress" d WHERE d."initiativeId" = i."id" AND d."day" <= ${opts.today}::date
      ORDER BY d."day" DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT d.* FROM "DailyInitiativeProgress" d WHERE d."initiativeId" = i."id" AND d."day" <= ${opts.weekAgo}::date
      ORDER BY d."day" DESC LIMIT 1) w ON true
    WHERE i."closedAt" IS NULL
    ORDER BY i."deadline", i."id"`;
  const key = opts.teamId === undefined ? null : String(opts.teamId);
  return rows.flatMap((r) => {
    if (r.day === null) return [];
    const now: [number, number] | undefined = key === null ? [r.services ?? 0, r.met ?? 0] : r.teams?.[key];
    if (!now || now[0] === 0) return [];
    const before: [number, number] | undefined =
      key === null ? (r.dayBefore ? [r.servicesBefore ?? 0, r.metBefore ?? 0] : undefined) : r.teamsBefore?.[key];
    const history = [
      ...(before && r.dayBefore ? [{ day: r.dayBefore, services: before[0], met: before[1] }] : []),
      { day: r.day, services: now[0], met: now[1] },
    ];
    const state = projectProgress({ history, deadline: r.deadline, today: opts.today }).state;
    const gained = before ? now[1] - before[1] : null;
    const change = gained === null ? "" : ` (${gained >= 0 ? "+" : ""}${gained} this week)`;
    const { goal } = readInitiativeRules(r);
    return [
      `Initiative ${r.name} (${describeGoal(goal)}, by ${r.deadline}): ${now[1]} of ${plural(now[0], "service")}${change}, ${STATE_WORDS[state]}.`,
    ];
  });
}
