import { z } from "zod";
import { EXEMPTION_KINDS, EXEMPTION_SCOPES } from "@/lib/scoring/apply-exemptions";
import { timestamp } from "@/lib/api/schemas/common";

export { createExemptionInput as createExemptionBody } from "@/lib/exemptions/exemption-input";

/** `GET /api/v1/exemptions?service=&team=&current=`: those covering a service, or of a team; `current=true`: pending or in force. */
export const exemptionListQuery = z.object({
  service: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "A service's slug: the exemptions covering it (its own, its team's, its source's)." }),
  team: z.string().min(1).max(200).optional().meta({ description: "A team's slug: its own exemptions and its services'." }),
  current: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "`true`: only those pending or in force (not revoked, not expired)." }),
});

/** `POST /api/v1/exemptions/{id}/revoke`: why (kept in the audit log). */
export const revokeExemptionBody = z
  .object({ reason: z.string().trim().max(1000).optional().meta({ description: "Why it is revoked; kept in the audit log." }) })
  .optional();

export const exemptionSchema = z
  .object({
    id: z.number().int(),
    scope: z.enum(EXEMPTION_SCOPES),
    checkId: z.string(),
    service: z.string().nullable().meta({ description: "The service's slug (scopes finding and service)." }),
    team: z.string().nullable().meta({ description: "The team's slug (scope team)." }),
    source: z.string().nullable().meta({ description: "The source's name (scope source)." }),
    fingerprint: z.string().nullable(),
    kind: z.enum(EXEMPTION_KINDS),
    reason: z.string(),
    expiresAt: timestamp.nullable(),
    status: z.enum(["pending", "active", "revoked", "expired"]).meta({
      description: "pending (waits for an admin's approval; exempts nothing yet), active, revoked, expired (its finding counts again).",
    }),
    origin: z
      .enum(["ui", "api", "code"])
      .meta({ description: "Where it was made: the service page, the API, or code (dozen.yaml, an annotation)." }),
    location: z.string().nullable().meta({ description: "Code-declared: the file or workload that declares it." }),
    requestedBy: z.string(),
    approvedBy: z.string().nullable(),
    revokedBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Exemption" });

export const exemptionList = z.object({ items: z.array(exemptionSchema) }).meta({ id: "ExemptionList" });
