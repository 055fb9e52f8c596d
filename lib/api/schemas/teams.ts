import { z } from "zod";
import { FACTOR_IDS } from "@/lib/factors/factors";
import { pageOf, pageQuery } from "@/lib/api/schemas/common";
import { serviceSummary } from "@/lib/api/schemas/services";

const score = z.number().min(0).max(100).nullable();

export const teamListQuery = pageQuery;

/** A team with its live services and their mean latest score. */
export const teamSummary = z.object({ slug: z.string(), name: z.string(), services: z.number().int(), score }).meta({ id: "TeamSummary" });

export const teamList = pageOf(teamSummary).meta({ id: "TeamList" });

/** `GET /api/v1/teams/{slug}`: the team page's data: score, grades, factor means, what to fix first, services. */
export const teamDetail = z
  .object({
    slug: z.string(),
    name: z.string(),
    score,
    serviceCount: z.number().int().meta({ description: "Live services; `services` lists the worst 500." }),
    grades: z.record(z.string(), z.number().int()),
    factors: z.array(z.object({ factor: z.enum(FACTOR_IDS), score })),
    fixFirst: z.array(
      z.object({
        ruleId: z.string(),
        factor: z.string(),
        weight: z.number(),
        effort: z.string(),
        serviceCount: z.number().int(),
        services: z.array(z.string()),
        priority: z.number(),
      }),
    ),
    services: z.array(serviceSummary),
  })
  .meta({ id: "TeamDetail" });
