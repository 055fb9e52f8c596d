// POST /api/v1/exemptions/{id}/approve – an admin approves a pending exemption (it exempts from now on)
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { exemptionJson } from "@/lib/api/exemption-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams } from "@/lib/api/read-request";
import { exemptionSchema } from "@/lib/api/schemas/exemptions";
import { idParams } from "@/lib/api/schemas/scans";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { decideExemption } from "@/lib/persistence/exemptions/decide-exemption";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  async (request, context: PathContext, principal) => {
    const { id } = await readParams(context.params, idParams);
    const decided = await decideExemption({ id, decision: "approve", principal, audit: await requestAuditContext({ request }) });
    return jsonResponse({ request, schema: exemptionSchema, body: exemptionJson(decided) });
  },
  { role: "admin" },
);
