// GET /api/v1/initiatives – initiatives and where each stands (?state=open|closed|all); POST – start one (admins, 201)
import { apiRoute } from "@/lib/api/api-route";
import { initiativeJson } from "@/lib/api/initiative-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody, readQuery } from "@/lib/api/read-request";
import { createInitiativeBody, initiativeList, initiativeListQuery, initiativeSchema } from "@/lib/api/schemas/initiatives";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const { state } = readQuery(request, initiativeListQuery);
  const all = await listInitiatives(state === "open" ? { open: true } : {});
  const items = state === "closed" ? all.filter((i) => i.closed) : all;
  return jsonResponse({ request, schema: initiativeList, body: { items: items.map(initiativeJson) } });
});

export const POST = apiRoute(async (request) => {
  const body = await readBody(request, createInitiativeBody);
  const { slug } = await createInitiative({ input: body, audit: await requestAuditContext({ request }) });
  const made = (await getInitiativePage({ slug }))!;
  const response = jsonResponse({ request, schema: initiativeSchema, body: initiativeJson(made.summary), status: 201 });
  response.headers.set("location", `/api/v1/initiatives/${slug}`);
  return response;
});
