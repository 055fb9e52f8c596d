// PATCH /api/v1/ownership-rules/{id} – change a rule; DELETE – remove it (admins; ownership re-applied at once)
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody, readParams } from "@/lib/api/read-request";
import { ruleChange, updateOwnershipRuleBody } from "@/lib/api/schemas/ownership";
import { idParams } from "@/lib/api/schemas/scans";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { deleteOwnershipRule } from "@/lib/persistence/delete-ownership-rule";
import { updateOwnershipRule } from "@/lib/persistence/update-ownership-rule";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  const input = await readBody(request, updateOwnershipRuleBody);
  const { moved } = await updateOwnershipRule({ id, input, audit: await requestAuditContext({ request }) });
  return jsonResponse({ request, schema: ruleChange, body: { id, moved } });
});

export const DELETE = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  await deleteOwnershipRule({ id, audit: await requestAuditContext({ request }) });
  return new Response(null, { status: 204 });
});
