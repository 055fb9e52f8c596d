// GET /api/v1/exemptions – exemptions (?service=, ?team=, ?current=true); POST /api/v1/exemptions – make one ({ service, checkId, kind, reason, expiresAt } → 201)
import { apiRoute } from "@/lib/api/api-route";
import { exemptionJson } from "@/lib/api/exemption-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody, readQuery } from "@/lib/api/read-request";
import { createExemptionBody, exemptionList, exemptionListQuery, exemptionSchema } from "@/lib/api/schemas/exemptions";
import { allows } from "@/lib/auth/principal";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { ForbiddenError } from "@/lib/errors";
import { listExemptions } from "@/lib/exemptions/list-exemptions";
import { createExemption } from "@/lib/persistence/exemptions/create-exemption";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const query = readQuery(request, exemptionListQuery);
  const items = await listExemptions(query);
  return jsonResponse({ request, schema: exemptionList, body: { items: items.map(exemptionJson) } });
});

// Maintainers (of the service's or team's team) and admins; a viewer is refused before the body is read.
export const POST = apiRoute(
  async (request, _context, principal) => {
    if (!allows({ ...principal, teams: undefined }, "maintainer"))
      throw new ForbiddenError(`This needs the maintainer role; ${principal.name} is a ${principal.role}.`);
    const body = await readBody(request, createExemptionBody);
    const made = await createExemption({ input: body, principal, audit: await requestAuditContext({ request }), origin: "api" });
    const response = jsonResponse({ request, schema: exemptionSchema, body: exemptionJson(made), status: 201 });
    response.headers.set("location", `/api/v1/exemptions/${made.id}`);
    return response;
  },
  { role: "viewer" },
);
