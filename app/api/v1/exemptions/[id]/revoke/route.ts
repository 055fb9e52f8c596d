// POST /api/v1/exemptions/{id}/revoke – end an exemption now ({ reason? }); its findings count again
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { exemptionJson } from "@/lib/api/exemption-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody, readParams } from "@/lib/api/read-request";
import { exemptionSchema, revokeExemptionBody } from "@/lib/api/schemas/exemptions";
import { idParams } from "@/lib/api/schemas/scans";
import { allows } from "@/lib/auth/principal";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { ForbiddenError } from "@/lib/errors";
import { decideExemption } from "@/lib/persistence/exemptions/decide-exemption";

export const dynamic = "force-dynamic";

// Admins, or maintainers of the team it belongs to (judged on the exemption, once it is found).
export const POST = apiRoute(
  async (request, context: PathContext, principal) => {
    if (!allows({ ...principal, teams: undefined }, "maintainer"))
      throw new ForbiddenError(`This needs the maintainer role; ${principal.name} is a ${principal.role}.`);
    const { id } = await readParams(context.params, idParams);
    const body = await readBody(request, revokeExemptionBody);
    const decided = await decideExemption({
      id,
      decision: "revoke",
      ...(body?.reason ? { reason: body.reason } : {}),
      principal,
      audit: await requestAuditContext({ request }),
    });
    return jsonResponse({ request, schema: exemptionSchema, body: exemptionJson(decided) });
  },
  { role: "viewer" },
);
