"use server";

import { revalidatePath } from "next/cache";
import { allows } from "@/lib/auth/principal";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { DozenError, ValidationError, describeError } from "@/lib/errors";
import { createExemption } from "@/lib/persistence/exemptions/create-exemption";
import { decideExemption } from "@/lib/persistence/exemptions/decide-exemption";
import { createLogger } from "@/lib/log/logger";

export interface ExemptionFormState {
  message: string;
  error?: boolean;
}

const log = createLogger({ process: "web" });
const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

/** Runs a mutation for a form: a refusal Dozen worded is shown as it is, anything else is logged and answered in fixed words. */
async function answer(what: string, run: () => Promise<string>): Promise<ExemptionFormState> {
  try {
    const message = await run();
    // The score, the service's and its team's pages, the heatmap and the rollups all moved.
    revalidatePath("/", "layout");
    return { message };
  } catch (error) {
    if (error instanceof ValidationError && Object.keys(error.fields).length > 0)
      return {
        message: Object.entries(error.fields)
          .map(([field, problem]) => `${field}: ${problem}`)
          .join("; "),
        error: true,
      };
    if (error instanceof DozenError) return { message: error.message, error: true };
    log.error({ err: describeError(error) }, `${what} failed`);
    return { message: `Could not ${what}; the server log has the details.`, error: true };
  }
}

/**
 * The finding card's "Exempt" form: this finding (by its fingerprint) or the check for the whole service,
 * with a kind, a reason and an expiry. The role (a maintainer of the service's team) is checked by
 * createExemption against the signed-in principal; nobody signed in is refused here.
 */
export async function exemptFinding(_prev: ExemptionFormState, form: FormData): Promise<ExemptionFormState> {
  const allowed = await requireActionRole({ role: "viewer" });
  if ("refused" in allowed) return { message: allowed.refused, error: true };
  if (!allows({ ...allowed.principal, teams: undefined }, "maintainer"))
    return { message: `This needs the maintainer role; ${allowed.principal.name} is a ${allowed.principal.role}.`, error: true };
  return answer("make the exemption", async () => {
    const scope = text(form, "scope") === "finding" ? "finding" : "service";
    const made = await createExemption({
      input: {
        scope,
        service: text(form, "slug"),
        checkId: text(form, "checkId") ?? "",
        ...(scope === "finding" ? { fingerprint: text(form, "fingerprint") } : {}),
        kind: (text(form, "kind") ?? "") as "false-positive",
        reason: text(form, "reason") ?? "",
        expiresAt: text(form, "expiresAt"),
      },
      principal: allowed.principal,
      audit: await requestAuditContext(),
      origin: "ui",
    });
    return made.status === "pending"
      ? "Exemption requested: it counts once an admin approves it."
      : "Exempted: it no longer counts against the score.";
  });
}

/** The Revoke and Approve buttons: `decision` and the exemption's `id` from the form; roles checked by decideExemption. */
export async function decideExemptionForm(_prev: ExemptionFormState, form: FormData): Promise<ExemptionFormState> {
  const allowed = await requireActionRole({ role: "viewer" });
  if ("refused" in allowed) return { message: allowed.refused, error: true };
  const decision = text(form, "decision") === "approve" ? "approve" : "revoke";
  return answer(`${decision} the exemption`, async () => {
    await decideExemption({
      id: Number(text(form, "id") ?? 0),
      decision,
      ...(text(form, "why") ? { reason: text(form, "why") } : {}),
      principal: allowed.principal,
      audit: await requestAuditContext(),
    });
    return decision === "approve" ? "Approved." : "Revoked: it counts against the score again.";
  });
}
