import { z } from "zod";
import { ownershipListSchema } from "@/lib/ownership/types";
import { customCheckSchema } from "@/lib/rules/custom/custom-check-schema";

/** One rule's re-weighting: a weight of 0 keeps the rule visible but out of the score; enabled:false drops it. */
export const ruleSettingSchema = z.strictObject({
  weight: z.number().min(0).max(100).optional(),
  enabled: z.boolean().optional(),
});

const ownersSchema = z.union([z.string(), z.array(z.string())]);

/**
 * A scoring config (`dozen.yaml` in the scanned repository, or `dozen scan --config <file>`):
 * `{ rules: { <ruleId>: { weight?, enabled? } }, checks?: [<custom check>] }`. Strict, so a typo fails loudly instead of doing nothing.
 * The same dozen.yaml may name a service and its owners for the collector (lib/facts/parse-service-descriptor);
 * those keys are allowed here and ignored by scoring.
 */
export const scoringConfigSchema = z.strictObject({
  rules: z.record(z.string(), ruleSettingSchema).default({}),
  /** Checks without code (lib/rules/custom): scored and reported like built-in rules. */
  checks: z.array(customCheckSchema).optional(),
  name: z.string().optional(),
  /**
   * What the scanned directory is: one repository (default), or a folder of checkouts with one repository per
   * top-level folder, each discovered on its own (lib/collectors/local/repository-roots.ts reads it).
   */
  layout: z.enum(["repository", "repository-per-folder"]).optional(),
  owner: ownersSchema.optional(),
  owners: ownersSchema.optional(),
  /** Ownership rules for the services of this source (lib/ownership), checked here so a typo fails the scan. */
  ownership: ownershipListSchema.optional(),
  /**
   * Exemptions kept in code (lib/facts/declared-exemptions.ts reads them, entry by entry): a malformed entry is
   * reported with the scan and skipped, never a reason to refuse the whole config.
   */
  exemptions: z.unknown().optional(),
  /** The service's tier, 1–4 (lib/facts/parse-service-descriptor reads it): a wrong one is reported and ignored. */
  tier: z.unknown().optional(),
});

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
