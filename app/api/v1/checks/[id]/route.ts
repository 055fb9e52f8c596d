// GET /api/v1/checks/{id} – one check of the catalogue
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { getCheck } from "@/lib/api/get-check";
import { readParams } from "@/lib/api/read-request";
import { checkInfoSchema, checkParams } from "@/lib/api/schemas/catalogue";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, checkParams);
  return jsonResponse({ request, schema: checkInfoSchema, body: getCheck({ id }) });
});
