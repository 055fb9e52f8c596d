"use server";

import { revalidatePath } from "next/cache";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { DozenError, describeError } from "@/lib/errors";
import { createLogger } from "@/lib/log/logger";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { findServiceTeam } from "@/lib/services/find-service-team";
import { slugify } from "@/lib/text/slugify";

export interface OwnerFormState {
  message: string;
  error?: boolean;
}

const log = createLogger({ process: "web" });

/**
 * Server action behind the owner form: zod-validated in setServiceTeam (recorded in the audit log), then the
 * page re-renders. A refusal Dozen worded (an unknown service, a name too long) is shown as it is; anything
 * else is logged and answered with a fixed sentence, never the error's own text (a database error quotes
 * values and SQL).
 */
export async function updateOwner(_prev: OwnerFormState, form: FormData): Promise<OwnerFormState> {
  try {
    const slug = String(form.get("slug") ?? "");
    const asked = String(form.get("team") ?? "").trim();
    // A maintainer limited to teams may move a service of theirs, and only to one of theirs.
    for (const judged of [await findServiceTeam({ slug }), ...(asked ? [slugify(asked)] : [])]) {
      const allowed = await requireActionRole({ role: "maintainer", team: judged });
      if ("refused" in allowed) return { message: allowed.refused, error: true };
    }
    const { team, manual } = await setServiceTeam({ slug, team: String(form.get("team") ?? ""), audit: await requestAuditContext() });
    // The move changes the service page, both teams' pages and their rollups on /teams and the overview.
    revalidatePath("/", "layout");
    if (manual) return { message: `Owner set to ${team}.` };
    return {
      message: team ? `Manual owner cleared; the ownership rules give ${team}.` : "Manual owner cleared; no rule gives an owner: unowned.",
    };
  } catch (error) {
    if (error instanceof DozenError) return { message: error.message, error: true };
    if (isZodError(error)) return { message: "Name a service, and a team in at most 80 characters.", error: true };
    log.error({ err: describeError(error) }, "setting an owner failed");
    return { message: "Could not set the owner; the server log has the details.", error: true };
  }
}

function isZodError(error: unknown): boolean {
  return error instanceof Error && error.name === "ZodError";
}
