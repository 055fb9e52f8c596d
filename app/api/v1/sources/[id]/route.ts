// GET /api/v1/sources/{id} – one source; PATCH – change it; DELETE – delete it, keeping its scans and services' history
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { changeSource } from "@/lib/api/change-source";
import { jsonResponse } from "@/lib/api/json-response";
import { getSourceById } from "@/lib/api/get-source-by-id";
import { readBody, readParams } from "@/lib/api/read-request";
import { idParams } from "@/lib/api/schemas/scans";
import { sourceSchema, updateSourceBody } from "@/lib/api/schemas/sources";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { deleteSource } from "@/lib/sources/delete-source";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  return jsonResponse({ request, schema: sourceSchema, body: await getSourceById({ id }) });
});

export const PATCH = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  await changeSource({ id, body: await readBody(request, updateSourceBody), audit: await requestAuditContext({ request }) });
  return jsonResponse({ request, schema: sourceSchema, body: await getSourceById({ id }) });
});

// 204: the source is gone from lists; its scans stay readable at /api/v1/scans?sourceId=.
export const DELETE = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  await deleteSource({ sourceId: id, boss: await getWebBoss(), audit: await requestAuditContext({ request }) });
  return new Response(null, { status: 204 });
});
