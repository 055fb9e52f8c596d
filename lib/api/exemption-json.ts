import type { z } from "zod";
import type { exemptionSchema } from "@/lib/api/schemas/exemptions";
import type { ExemptionSummary } from "@/lib/exemptions/list-exemptions";

/** An exemption as the API answers it: names (slugs) instead of rows, timestamps as ISO strings. */
export function exemptionJson(e: ExemptionSummary): z.input<typeof exemptionSchema> {
  return {
    ...e,
    service: e.service?.slug ?? null,
    team: e.team?.slug ?? null,
    source: e.source?.name ?? null,
    origin: e.origin as "ui" | "api" | "code",
    expiresAt: e.expiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}
