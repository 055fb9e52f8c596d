import { utcDay } from "@/lib/db/utc-day";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Goal, Scope } from "@/lib/initiatives/initiative-input";
import { describeGoal } from "@/lib/initiatives/judge-goal";
import { projectProgress, type ProgressDay, type ProgressState } from "@/lib/initiatives/project-progress";
import { readInitiativeRules } from "@/lib/initiatives/read-initiative-rules";

/** Days of history a list reads to measure the pace (the page reads the whole campaign). */
export const PACE_DAYS = 90;

/** An initiative's row as the readers select it (initiativeColumnsSql), its history `[day, services, met]` oldest first. */
export interface InitiativeRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  owner: string;
  goal: unknown;
  scope: unknown;
  startsOn: string;
  deadline: string;
  closedAt: string | null;
  history: [string, number, number][] | null;
}

/** Columns of Initiative `i` with its history since `since` (default PACE_DAYS ago), for toInitiativeSummary. */
export function initiativeColumnsSql(opts: { since?: Prisma.Sql } = {}): Prisma.Sql {
  const since = opts.since ?? Prisma.sql`${utcDay({ minusDays: PACE_DAYS })}::date`;
  return Prisma.sql`i."id", i."slug", i."name", i."description", i."owner", i."goal", i."scope",
    to_char(i."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(i."deadline", 'YYYY-MM-DD') AS "deadline", i."closedAt",
    (SELECT json_agg(json_build_array(to_char(d."day", 'YYYY-MM-DD'), d."services", d."met") ORDER BY d."day")
      FROM "DailyInitiativeProgress" d WHERE d."initiativeId" = i."id" AND d."day" >= ${since}) AS "history"`;
}

/** What every page says of an initiative: its goal in words, where it stands now and where it is heading. */
export interface InitiativeSummary {
  id: number;
  slug: string;
  name: string;
  description: string;
  owner: string;
  goal: Goal;
  goalText: string;
  scope: Scope;
  /** The scope in words: "teams payments, web · kind http" or "the whole fleet". */
  scopeText: string;
  startsOn: string;
  deadline: string;
  closed: boolean;
  services: number;
  met: number;
  /** Share of the services meeting the goal, 0–100 (100 when none is in scope). */
  percent: number;
  /** closed, or done / onTrack / atRisk / late (projectProgress). */
  state: ProgressState | "closed";
  history: ProgressDay[];
}

export function toInitiativeSummary(row: InitiativeRow, today = utcDay()): InitiativeSummary {
  const { goal, scope } = readInitiativeRules(row);
  const history = (row.history ?? []).map(([day, services, met]) => ({ day, services, met }));
  const last = history.at(-1);
  const services = last?.services ?? 0;
  const met = last?.met ?? 0;
  const projected = projectProgress({ history, deadline: row.deadline, today });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    owner: row.owner,
    goal,
    goalText: describeGoal(goal),
    scope,
    scopeText: describeScope(scope),
    startsOn: row.startsOn,
    deadline: row.deadline,
    closed: row.closedAt !== null,
    services,
    met,
    percent: services === 0 ? 100 : Math.floor((met / services) * 1000) / 10,
    state: row.closedAt !== null ? "closed" : projected.state,
    history,
  };
}

/** A scope in words, as pages say it. */
export function describeScope(scope: Scope): string {
  const parts = [
    scope.teams.length ? `${scope.teams.length === 1 ? "team" : "teams"} ${scope.teams.join(", ")}` : "",
    scope.kinds.length ? `${scope.kinds.length === 1 ? "kind" : "kinds"} ${scope.kinds.join(", ")}` : "",
    scope.sources.length ? `${scope.sources.length === 1 ? "source" : "sources"} ${scope.sources.join(", ")}` : "",
    scope.tiers.length ? `${scope.tiers.length === 1 ? "tier" : "tiers"} ${scope.tiers.join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "the whole fleet";
}
