import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { initiativeDigestLines } from "@/lib/initiatives/initiative-digest-lines";

const DAY = 86_400_000;
const LISTED = 10;

/** ISO 8601 week of a date (UTC), `2026-W49`: the digest's key, so a week is digested once. */
function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return `${d.getUTCFullYear()}-W${String(Math.ceil(((d.getTime() - start) / DAY + 1) / 7)).padStart(2, "0")}`;
}

const points = (v: number | null | undefined) => (v === null || v === undefined ? "–" : v.toFixed(1));
const signed = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}`;

interface Mover {
  name: string;
  from: number;
  to: number;
  delta: number;
}

/** What the week's recorded check events say, per team or for the fleet: "service: check" lines, newest first. */
async function weekChecks(opts: { since: Date; teamId?: number }): Promise<{ failing: string[]; fixed: string[] }> {
  const events = await db().notificationEvent.findMany({
    where: {
      kind: { in: ["check.failing", "check.fixed"] },
      createdAt: { gte: opts.since },
      ...(opts.teamId ? { teamId: opts.teamId } : {}),
    },
    orderBy: { id: "desc" },
    select: { kind: true, payload: true },
  });
  const out = { failing: [] as string[], fixed: [] as string[] };
  for (const e of events) {
    const p = e.payload as { service?: string; checks?: string[] };
    for (const check of p.checks ?? []) (e.kind === "check.failing" ? out.failing : out.fixed).push(`${p.service}: ${check}`);
  }
  return out;
}

/** Services (of a team, or all) whose latest score moved most against their rollup a week ago: from DailyServiceScore. */
async function weekMovers(opts: { teamId?: number; day: string }): Promise<Mover[]> {
  const team = opts.teamId ? Prisma.sql`AND s."teamId" = ${opts.teamId}` : Prisma.empty;
  return db().$queryRaw<Mover[]>`
    SELECT s."name", round(p."score"::numeric, 1)::float8 AS "from", round(s."latestScore"::numeric, 1)::float8 AS "to",
      round((s."latestScore" - p."score")::numeric, 1)::float8 AS "delta"
    FROM "Service" s
    CROSS JOIN LATERAL (SELECT x."score" FROM "DailyServiceScore" x WHERE x."serviceId" = s."id" AND x."day" <= ${opts.day}::date
      ORDER BY x."day" DESC LIMIT 1) p
    WHERE s."goneAt" IS NULL AND s."latestScore" IS NOT NULL AND p."score" IS NOT NULL ${team}
      AND round((s."latestScore" - p."score")::numeric, 1) <> 0
    ORDER BY abs(s."latestScore" - p."score") DESC, s."id" LIMIT 6`;
}

function digestLines(opts: {
  score: number | null;
  before: number | null;
  checks: { failing: string[]; fixed: string[] };
  movers: Mover[];
}): string[] {
  const { score, before, checks, movers } = opts;
  const trend = score !== null && before !== null ? ` (${signed(score - before)} in a week)` : "";
  const list = (items: string[]) =>
    items.slice(0, LISTED).join(", ") + (items.length > LISTED ? `, and ${items.length - LISTED} more` : "");
  return [
    `Score ${points(score)}${trend}.`,
    checks.failing.length ? `New failures (${checks.failing.length}): ${list(checks.failing)}.` : "No new failures.",
    checks.fixed.length ? `Fixed (${checks.fixed.length}): ${list(checks.fixed)}.` : "Nothing fixed.",
    movers.length
      ? `Movers: ${movers.map((m) => `${m.name} ${signed(m.delta)} (${points(m.from)} → ${points(m.to)})`).join(", ")}.`
      : "No movers.",
  ];
}

/**
 * Records the weekly digests of the week ending `now`: one per team that has a channel, and the fleet's when a
 * channel asked for it (`fleetDigest`). Each says the score and its change over the week (DailyTeamScore,
 * DailyFleetScore), the week's new failures and fixed checks (the check events recorded per scan) and the
 * biggest movers (latest scores against the rollups of a week ago): read from what scans computed, never from
 * findings, and each open initiative's progress (the team's part of it, for a team; initiativeDigestLines).
 * Keyed by ISO week, so a repeated tick records nothing twice.
 */
export async function recordWeeklyDigests(opts: { now?: Date } = {}): Promise<{ events: number }> {
  const now = opts.now ?? new Date();
  const week = isoWeek(now);
  const since = new Date(now.getTime() - 7 * DAY);
  const weekAgo = since.toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const base = env().DOZEN_PUBLIC_URL;
  const rows: Prisma.NotificationEventCreateManyInput[] = [];
  const teams = await db().team.findMany({ where: { channels: { some: {} } }, select: { id: true, slug: true, name: true } });
  for (const team of teams) {
    const [current, before] = await Promise.all(
      [today, weekAgo].map((day) =>
        db().dailyTeamScore.findFirst({
          where: { teamId: team.id, day: { lte: new Date(day) } },
          orderBy: { day: "desc" },
          select: { score: true },
        }),
      ),
    );
    const lines = digestLines({
      score: current?.score ?? null,
      before: before?.score ?? null,
      checks: await weekChecks({ since, teamId: team.id }),
      movers: await weekMovers({ teamId: team.id, day: weekAgo }),
    });
    lines.push(...(await initiativeDigestLines({ today, weekAgo, teamId: team.id })));
    rows.push({
      key: `digest.weekly:team:${team.id}:${week}`,
      kind: "digest.weekly",
      teamId: team.id,
      payload: {
        subject: `${team.name}: the week in Dozen (${week})`,
        lines,
        url: base ? new URL(`/teams/${team.slug}`, base).toString() : null,
        week,
      },
    });
  }
  if (await db().notificationChannel.count({ where: { fleetDigest: true } })) {
    const [current, before] = await Promise.all(
      [today, weekAgo].map((day) =>
        db().dailyFleetScore.findFirst({ where: { day: { lte: new Date(day) } }, orderBy: { day: "desc" }, select: { score: true } }),
      ),
    );
    const lines = digestLines({
      score: current?.score ?? null,
      before: before?.score ?? null,
      checks: await weekChecks({ since }),
      movers: await weekMovers({ day: weekAgo }),
    });
    lines.push(...(await initiativeDigestLines({ today, weekAgo })));
    rows.push({
      key: `digest.weekly:fleet:${week}`,
      kind: "digest.weekly",
      teamId: null,
      payload: { subject: `The fleet: the week in Dozen (${week})`, lines, url: base ? new URL("/", base).toString() : null, week },
    });
  }
  const made = rows.length ? await db().notificationEvent.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
  return { events: made.count };
}
