import { z } from "zod";
import { EXEMPTION_KINDS, EXEMPTION_SCOPES } from "@/lib/scoring/apply-exemptions";

const DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * An expiry as people write it: a day (`2027-01-31`, valid through that whole day, UTC) or an ISO 8601 instant.
 * Undefined for an empty value.
 */
export function parseExpiry(value: string | undefined | null): Date | undefined | "invalid" {
  const text = (value ?? "").trim();
  if (text === "") return undefined;
  const at = DAY.test(text) ? new Date(`${text}T00:00:00.000Z`) : new Date(text);
  if (Number.isNaN(at.getTime()) || (!DAY.test(text) && !/^\d{4}-\d\d-\d\dT/.test(text))) return "invalid";
  return DAY.test(text) ? new Date(at.getTime() + 24 * 60 * 60 * 1000) : at;
}

/**
 * A new exemption, as `POST /api/v1/exemptions`, the finding card's form and the CLI take it: the contract
 * shared by all of them. Which service, team or source it covers depends on `scope` (default: the check for
 * `service`; `finding` needs the finding's `fingerprint`, as the service's API answer and page give it).
 * The server checks the rest (the check exists there, the expiry is within DOZEN_EXEMPTION_MAX_DAYS).
 */
export const createExemptionInput = z
  .object({
    scope: z.enum(EXEMPTION_SCOPES).default("service").meta({
      description:
        "`finding` (one finding, by `fingerprint`), `service` (the check for the service), `team` or `source` (the check for all of theirs).",
    }),
    service: z.string().trim().max(200).optional().meta({ description: "The service's slug (scopes finding and service)." }),
    team: z.string().trim().max(200).optional().meta({ description: "The team's slug (scope team)." }),
    source: z.string().trim().max(200).optional().meta({ description: "The source's name (scope source)." }),
    checkId: z
      .string()
      .trim()
      .min(1, "required")
      .max(200)
      .regex(/^[A-Za-z][\w.-]*$/, "a check id such as handlesSigterm")
      .meta({ description: "The check's id (`GET /api/v1/checks`)." }),
    fingerprint: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{16}$/, "16 hex characters, as a finding's `fingerprint`")
      .optional()
      .meta({ description: "Scope finding: the finding's fingerprint." }),
    kind: z.enum(EXEMPTION_KINDS, { error: "false-positive, accepted-risk or not-applicable" }),
    reason: z.string().trim().min(1, "required: say why").max(1000).meta({ description: "Why the check should not count here." }),
    expiresAt: z
      .string()
      .trim()
      .max(40)
      .optional()
      .meta({ description: "A day (`2027-01-31`, through its end, UTC) or an ISO 8601 instant. Required for accepted-risk." }),
  })
  .superRefine((v, ctx) => {
    const need = (field: "service" | "team" | "source", why: string) => {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: `required for scope ${why}` });
    };
    if (v.scope === "finding" || v.scope === "service") need("service", v.scope);
    if (v.scope === "team") need("team", "team");
    if (v.scope === "source") need("source", "source");
    if (v.scope === "finding" && !v.fingerprint)
      ctx.addIssue({ code: "custom", path: ["fingerprint"], message: "required for scope finding" });
    if (v.scope !== "finding" && v.fingerprint)
      ctx.addIssue({ code: "custom", path: ["fingerprint"], message: "only an exemption of one finding names a fingerprint" });
    const expiry = parseExpiry(v.expiresAt);
    if (expiry === "invalid") ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "a day (YYYY-MM-DD) or an ISO 8601 instant" });
    if (expiry === undefined && v.kind === "accepted-risk")
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "an accepted risk needs an expiry date" });
  })
  .meta({ id: "CreateExemption" });
export type CreateExemptionInput = z.input<typeof createExemptionInput>;
