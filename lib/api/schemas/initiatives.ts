import { z } from "zod";
import { goalSchema, scopeSchema } from "@/lib/initiatives/initiative-input";

export {
  createInitiativeInput as createInitiativeBody,
  updateInitiativeInput as updateInitiativeBody,
} from "@/lib/initiatives/initiative-input";

/** `GET /api/v1/initiatives?state=`: open ones (default), closed ones, or all. */
export const initiativeListQuery = z.object({ state: z.enum(["open", "closed", "all"]).default("open") });

const day = z.string().meta({ description: "YYYY-MM-DD (UTC)." });
const state = z.enum(["done", "onTrack", "atRisk", "late", "closed"]).meta({
  description: "done (every service meets the goal), onTrack, atRisk (its pace misses the deadline), late (past the deadline), closed.",
});

/** An initiative and where it stands, from its progress rollups. */
export const initiativeSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    owner: z.string(),
    goal: goalSchema,
    goalText: z.string().meta({ description: "The goal in words." }),
    scope: scopeSchema,
    startsOn: day,
    deadline: day,
    closed: z.boolean(),
    services: z.number().int().meta({ description: "Services in scope the goal applies to, as of the latest scan." }),
    met: z.number().int().meta({ description: "How many of them meet it." }),
    percent: z.number(),
    state,
  })
  .meta({ id: "Initiative" });

export const initiativeList = z.object({ items: z.array(initiativeSchema) }).meta({ id: "InitiativeList" });

/** `GET /api/v1/initiatives/{slug}/progress`: history, per team, who is late, what is left. */
export const initiativeProgress = z
  .object({
    initiative: initiativeSchema,
    history: z
      .array(z.object({ day, services: z.number().int(), met: z.number().int() }))
      .meta({ description: "One row per day with a scan, oldest first." }),
    teams: z.array(
      z.object({
        team: z.string().nullable().meta({ description: "The team's slug; null for unowned services." }),
        name: z.string(),
        services: z.number().int(),
        met: z.number().int(),
        state: state.exclude(["closed"]),
      }),
    ),
    late: z
      .array(z.string().nullable())
      .meta({ description: "Teams (slugs; null: unowned) past the deadline with services left, or projected to miss it." }),
    left: z
      .array(
        z.object({
          service: z.string().meta({ description: "The service's slug." }),
          name: z.string(),
          team: z.string().nullable(),
          value: z.number().nullable(),
        }),
      )
      .meta({ description: "Services not meeting the goal (first 200)." }),
    leftCount: z.number().int(),
  })
  .meta({ id: "InitiativeProgress" });
