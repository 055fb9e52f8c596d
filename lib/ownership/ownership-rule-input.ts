import { z } from "zod";
import { OWNERSHIP_RULE_KINDS } from "@/lib/ownership/types";

const fields = {
  kind: z.enum(OWNERSHIP_RULE_KINDS),
  pattern: z.string().trim().min(1).max(200),
  /** An existing team's slug or name. */
  team: z.string().trim().min(1).max(80),
  /** 1-based place among the rules made in the UI; default: last. */
  position: z.coerce.number().int().min(1).max(10_000).optional(),
};

const labelPattern = (r: { kind?: string; pattern?: string }) =>
  r.kind !== "label" || r.pattern === undefined || /^[^=\s]+=\S*$/.test(r.pattern);
const labelIssue = { message: "a label rule's pattern is key=value (the value may use * and ?)", path: ["pattern"] };

/** A new ownership rule, as the settings form, the API and the CLI send it. */
export const createOwnershipRuleInput = z.strictObject(fields).refine(labelPattern, labelIssue);

/** A change of a rule: any of its fields (a label rule's pattern stays key=value). */
export const updateOwnershipRuleInput = z.strictObject(fields).partial().refine(labelPattern, labelIssue);

export type CreateOwnershipRuleInput = z.infer<typeof createOwnershipRuleInput>;
export type UpdateOwnershipRuleInput = z.infer<typeof updateOwnershipRuleInput>;
