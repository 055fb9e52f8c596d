// GET /api/v1/sources/{id} – one source with its schedule, credentials (by name) and last scan
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { getSourceById } from "@/lib/api/list-sources-page";
import { readParams } from "@/lib/api/read-request";
import { idParams } from "@/lib/api/schemas/scans";
import { sourceSchema } from "@/lib/api/schemas/sources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  return jsonResponse({ request, schema: sourceSchema, body: await getSourceById({ id }) });
});
