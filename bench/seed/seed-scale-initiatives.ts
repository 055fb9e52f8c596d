import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import type { CreateInitiativeInput } from "@/lib/initiatives/initiative-input";

/** Days of progress history each seeded initiative gets (its start is that long ago). */
const HISTORY_DAYS = 90;

/** The seeded initiatives, of every goal kind, over the whole fleet and over some teams. */
function initiatives(teams: string[]): CreateInitiativeInput[] {
  const start = utcDay({ minusDays: HISTORY_DAYS - 1 });
  return [
    { name: "Scale graceful shutdown", goal: { kind: "check", checkId: "handlesSigterm" }, deadline: utcDay({ minusDays: -60 }) },
    { name: "Scale no service below C", goal: { kind: "grade", min: "C" }, deadline: utcDay({ minusDays: 10 }) },
    {
      name: "Scale disposability",
      goal: { kind: "factor", factor: "disposability", min: 80 },
      scope: { teams: teams.slice(0, 10) },
      deadline: utcDay({ minusDays: -30 }),
    },
    {
      name: "Scale score 70",
      goal: { kind: "score", min: 70 },
      scope: { teams: teams.slice(10, 20) },
      deadline: utcDay({ minusDays: -120 }),
    },
    { name: "Scale config", goal: { kind: "factor", factor: "config", min: 90 }, deadline: utcDay({ minusDays: -90 }) },
  ].map((i) => ({ ...i, owner: "Platform", startsOn: start }) as CreateInitiativeInput);
}

/**
 * The bench's initiatives: five of them (each goal kind, whole fleet and team scopes) made through
 * createInitiative, which judges today's progress over the seeded fleet, then 90 days of history before
 * today written set-based from today's row, met (overall and per team) ramping up to today's. Does nothing
 * when they exist. Returns how many were made.
 */
export async function seedScaleInitiatives(opts: { log: (m: string) => void }): Promise<number> {
  if (await db().initiative.count({ where: { slug: { startsWith: "scale-" } } })) return 0;
  const teams = (
    await db().team.findMany({ where: { slug: { startsWith: "scale-team-" } }, orderBy: { slug: "asc" }, select: { slug: true } })
  ).map((t) => t.slug);
  const audit = { actor: { kind: "local" as const, id: "seed-scale", name: "seed-scale" }, origin: null };
  const made = initiatives(teams);
  for (const input of made) await createInitiative({ input, audit });
  // Day d before today keeps (1 - 0.6 * d / HISTORY_DAYS) of today's met: a steady climb to today.
  await db().$executeRaw`
    INSERT INTO "DailyInitiativeProgress" ("initiativeId", "day", "services", "met", "teams")
    SELECT p."initiativeId", p."day" - g.d, p."services", floor(p."met" * (1 - 0.6 * g.d / ${HISTORY_DAYS}::float8))::int,
      COALESCE((SELECT jsonb_object_agg(t.key, jsonb_build_array(t.value->0, floor((t.value->>1)::int * (1 - 0.6 * g.d / ${HISTORY_DAYS}::float8))::int))
        FROM jsonb_each(p."teams") t), '{}'::jsonb)
    FROM "DailyInitiativeProgress" p CROSS JOIN generate_series(1, ${HISTORY_DAYS - 1}::int) AS g(d)
    JOIN "Initiative" i ON i."id" = p."initiativeId"
    WHERE i."slug" LIKE 'scale-%' AND p."day" = ${utcDay()}::date
    ON CONFLICT ("initiativeId", "day") DO NOTHING`;
  opts.log(`${made.length} initiatives seeded with ${HISTORY_DAYS} days of progress`);
  return made.length;
}
