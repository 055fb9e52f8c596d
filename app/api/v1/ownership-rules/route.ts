// GET /api/v1/ownership-rules – the ownership rules in the order they apply; POST – add one (admins, 201)
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody } from "@/lib/api/read-request";
import { createOwnershipRuleBody, ownershipRuleList, ruleChange } from "@/lib/api/schemas/ownership";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createOwnershipRule } from "@/lib/persistence/create-ownership-rule";
import { listOwnershipRules } from "@/lib/persistence/list-ownership-rules";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const { rules, fileError } = await listOwnershipRules();
  return jsonResponse({ request, schema: ownershipRuleList, body: { items: rules, fileError } });
});

export const POST = apiRoute(async (request) => {
  const input = await readBody(request, createOwnershipRuleBody);
  const { id, moved } = await createOwnershipRule({ input, audit: await requestAuditContext({ request }) });
  const response = jsonResponse({ request, schema: ruleChange, body: { id, moved }, status: 201 });
  response.headers.set("location", `/api/v1/ownership-rules/${id}`);
  return response;
});
