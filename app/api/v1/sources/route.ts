// GET /api/v1/sources – every source with its id; POST /api/v1/sources – add one ({ kind, name, schedule, config } → 201)
import { apiRoute } from "@/lib/api/api-route";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createSource } from "@/lib/api/create-source";
import { jsonResponse } from "@/lib/api/json-response";
import { getSourceById } from "@/lib/api/get-source-by-id";
import { listSourcesPage } from "@/lib/api/list-sources-page";
import { readBody, readQuery } from "@/lib/api/read-request";
import { createSourceBody, sourceList, sourceListQuery, sourceSchema } from "@/lib/api/schemas/sources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const body = await listSourcesPage({ query: readQuery(request, sourceListQuery) });
  return jsonResponse({ request, schema: sourceList, body });
});

export const POST = apiRoute(async (request) => {
  const { id } = await createSource({ body: await readBody(request, createSourceBody), audit: await requestAuditContext({ request }) });
  const response = jsonResponse({ request, schema: sourceSchema, body: await getSourceById({ id }), status: 201 });
  response.headers.set("location", `/api/v1/sources/${id}`);
  return response;
});
