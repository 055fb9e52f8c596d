import type { z } from "zod";
import type { initiativeSchema } from "@/lib/api/schemas/initiatives";
import type { InitiativeSummary } from "@/lib/initiatives/initiative-summary";

/** An initiative summary as the API answers it (its history is the progress call's). */
export function initiativeJson(summary: InitiativeSummary): z.input<typeof initiativeSchema> {
  const { id: _id, history: _history, scopeText: _scopeText, ...rest } = summary;
  return rest;
}
