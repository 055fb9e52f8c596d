// GET /api/v1/services/{slug} – a service with its score, grade, factor scores and findings
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { getService } from "@/lib/api/get-service";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams } from "@/lib/api/read-request";
import { serviceDetail, slugParams } from "@/lib/api/schemas/services";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { slug } = await readParams(context.params, slugParams);
  return jsonResponse({ request, schema: serviceDetail, body: await getService({ slug }) });
});
