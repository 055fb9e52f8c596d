import { z } from "zod";
import { FACTOR_IDS } from "@/lib/factors/factors";
import { pageOf, pageQuery } from "@/lib/api/schemas/common";

export const factorListQuery = pageQuery;

/** One of the fifteen factors, with the ids of the checks that judge it. */
export const factorInfo = z
  .object({
    id: z.enum(FACTOR_IDS),
    number: z.number().int(),
    roman: z.string(),
    name: z.string(),
    summary: z.string(),
    checks: z.array(z.string()),
  })
  .meta({ id: "Factor" });

export const factorList = pageOf(factorInfo).meta({ id: "FactorList" });

export const checkListQuery = pageQuery.extend({
  factor: z.enum(FACTOR_IDS).optional().meta({ description: "Only the checks of this factor." }),
});

/** A check of the catalogue: what it judges, its factor, effort and default weight. */
export const checkInfoSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    factor: z.enum(FACTOR_IDS),
    title: z.string(),
    rationale: z.string(),
    judges: z.enum(["repository", "cluster", "both", "workload"]),
    effort: z.enum(["low", "medium", "high"]),
    defaultWeight: z.number(),
    kinds: z.array(z.string()).readonly().optional().meta({ description: "The service kinds it judges; unset: every kind." }),
  })
  .meta({ id: "Check" });

export const checkList = pageOf(checkInfoSchema).meta({ id: "CheckList" });

export const checkParams = z.object({ id: z.string().min(1).max(100) });
