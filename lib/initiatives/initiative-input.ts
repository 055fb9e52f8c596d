import { z } from "zod";
import { SERVICE_KIND_NAMES } from "@/lib/facts/service-kinds";
import { FACTOR_IDS } from "@/lib/factors/factors";
import { findRule } from "@/lib/rules/registry";

/** Grades a goal may ask for, best first (F is no goal: every scored service is at least F). */
export const GOAL_GRADES = ["A", "B", "C", "D"] as const;
export type GoalGrade = (typeof GOAL_GRADES)[number];

const minScore = z.coerce.number({ error: "a number from 0 to 100" }).min(0, "0 to 100").max(100, "0 to 100");

/**
 * What an initiative asks of each service in its scope, one shape for every kind: a check passes (`checkId`
 * from the catalogue), a factor's score is at least `min`, the service's score is at least `min`, or its
 * grade is at least `min` ("no service below C" is `{ kind: "grade", min: "C" }`).
 */
export const goalSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("check"),
      checkId: z
        .string()
        .trim()
        .min(1, "required")
        .refine((id) => findRule(id) !== undefined, "not a check of the catalogue (GET /api/v1/checks)"),
    }),
    z.object({ kind: z.literal("factor"), factor: z.enum(FACTOR_IDS, "a factor id (GET /api/v1/factors)"), min: minScore }),
    z.object({ kind: z.literal("score"), min: minScore }),
    z.object({ kind: z.literal("grade"), min: z.enum(GOAL_GRADES, "A, B, C or D") }),
  ])
  .meta({
    id: "InitiativeGoal",
    description: "check (a check passes), factor (a factor's score ≥ min), score (score ≥ min), grade (grade ≥ min).",
  });
export type Goal = z.output<typeof goalSchema>;

const names = z.array(z.string().trim().min(1).max(200)).max(100).default([]);

/**
 * Which services an initiative covers: those of these teams (slugs), of these kinds (http, worker, …), from
 * these sources (names) and of these tiers (1–4, lib/tiers). An empty list does not narrow; all four empty is
 * the whole fleet.
 */
export const scopeSchema = z
  .object({
    teams: names.meta({ description: "Team slugs; empty: every team, and unowned services." }),
    kinds: z
      .array(z.enum(SERVICE_KIND_NAMES as [string, ...string[]]))
      .max(20)
      .default([])
      .meta({ description: "Service kinds." }),
    sources: names.meta({ description: "Source names." }),
    tiers: z
      .array(z.coerce.number({ error: "a tier, 1 to 4" }).int("a tier, 1 to 4").min(1, "a tier, 1 to 4").max(4, "a tier, 1 to 4"))
      .max(4)
      .default([])
      .meta({ description: "Service tiers, 1 (most critical) to 4; empty: every service, with a tier or not." }),
  })
  .strict()
  .meta({ id: "InitiativeScope" });
export type Scope = z.output<typeof scopeSchema>;

const day = z.iso.date("a date, YYYY-MM-DD");

const fields = {
  name: z.string().trim().min(1, "required").max(120, "at most 120 characters"),
  description: z.string().trim().max(2000, "at most 2,000 characters").default(""),
  owner: z.string().trim().min(1, "required").max(200, "at most 200 characters").meta({ description: "Who drives it." }),
  goal: goalSchema,
  scope: scopeSchema.default({ teams: [], kinds: [], sources: [], tiers: [] }),
  startsOn: day.optional().meta({ description: "YYYY-MM-DD (UTC); default today." }),
  deadline: day.meta({ description: "YYYY-MM-DD (UTC), the last day to meet the goal." }),
};

const deadlineAfterStart = (v: { startsOn?: string; deadline?: string }, ctx: z.RefinementCtx) => {
  if (v.startsOn && v.deadline && v.deadline < v.startsOn)
    ctx.addIssue({ code: "custom", path: ["deadline"], message: "on or after the start date" });
};

/** A new initiative, as `POST /api/v1/initiatives` and the form take it. */
export const createInitiativeInput = z.object(fields).strict().superRefine(deadlineAfterStart).meta({ id: "CreateInitiative" });
export type CreateInitiativeInput = z.input<typeof createInitiativeInput>;

/** A change (`PATCH /api/v1/initiatives/{slug}`): any field, and `closed` to close (true) or reopen (false) it. */
export const updateInitiativeInput = z
  .object({
    name: fields.name.optional(),
    description: z.string().trim().max(2000, "at most 2,000 characters").optional(),
    owner: fields.owner.optional(),
    goal: goalSchema.optional(),
    scope: scopeSchema.optional(),
    startsOn: day.optional(),
    deadline: day.optional(),
    closed: z.boolean().optional().meta({ description: "true closes it (its progress is kept, no longer worked out); false reopens it." }),
  })
  .strict()
  .superRefine(deadlineAfterStart)
  .meta({ id: "UpdateInitiative" });
export type UpdateInitiativeInput = z.input<typeof updateInitiativeInput>;
