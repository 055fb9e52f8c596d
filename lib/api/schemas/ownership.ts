import { z } from "zod";
import { createOwnershipRuleInput, updateOwnershipRuleInput } from "@/lib/ownership/ownership-rule-input";
import { OWNERSHIP_RULE_KINDS } from "@/lib/ownership/types";
import { assignServicesTeamInput } from "@/lib/persistence/assign-services-team";
import { createTeamInput } from "@/lib/persistence/create-team";

/** An ownership rule as the API lists it: the instance file's (id null, read-only) and the UI's, in the order they apply. */
export const ownershipRuleSchema = z
  .object({
    id: z.number().int().nullable().meta({ description: "Null for a rule of the instance file (DOZEN_OWNERSHIP_FILE): edit the file." }),
    origin: z.enum(["file", "ui"]),
    label: z.string().meta({ description: 'What the service page calls it: "rule 3", "instance file rule 1".' }),
    position: z.number().int(),
    kind: z.enum(OWNERSHIP_RULE_KINDS),
    pattern: z.string(),
    team: z.object({ slug: z.string().nullable(), name: z.string() }),
    services: z.number().int().meta({ description: "Live services this rule gives their owner now." }),
    createdBy: z.string().nullable(),
  })
  .meta({ id: "OwnershipRule" });

export const ownershipRuleList = z
  .object({ items: z.array(ownershipRuleSchema), fileError: z.string().nullable() })
  .meta({ id: "OwnershipRuleList" });

export const createOwnershipRuleBody = createOwnershipRuleInput.meta({ id: "CreateOwnershipRule" });
export const updateOwnershipRuleBody = updateOwnershipRuleInput.meta({ id: "UpdateOwnershipRule" });
export const ruleChange = z
  .object({
    id: z.number().int(),
    moved: z.number().int().meta({ description: "Services whose team changed when ownership was re-applied." }),
  })
  .meta({ id: "OwnershipRuleChange" });

export const ownerAssignmentBody = assignServicesTeamInput.meta({ id: "OwnerAssignment" });
export const ownerAssignmentResult = z
  .object({ team: z.object({ slug: z.string(), name: z.string() }).nullable(), services: z.number().int(), moved: z.number().int() })
  .meta({ id: "OwnerAssignmentResult" });

export const createTeamBody = createTeamInput.meta({ id: "CreateTeam" });
export const createdTeam = z.object({ slug: z.string(), name: z.string() }).meta({ id: "CreatedTeam" });
