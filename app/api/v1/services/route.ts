// GET /api/v1/services – live services with score, grade and factor scores, filtered and sorted like the heatmap
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listServices } from "@/lib/api/list-services";
import { readQuery } from "@/lib/api/read-request";
import { serviceList, serviceListQuery } from "@/lib/api/schemas/services";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const body = await listServices({ query: readQuery(request, serviceListQuery) });
  return jsonResponse({ request, schema: serviceList, body });
});
