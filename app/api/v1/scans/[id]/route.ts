// GET /api/v1/scans/{id} – a scan with its progress and a page of its targets' status, errors and durations
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { getScan } from "@/lib/api/get-scan";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams, readQuery } from "@/lib/api/read-request";
import { idParams, scanDetail, scanDetailQuery } from "@/lib/api/schemas/scans";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  const body = await getScan({ id, query: readQuery(request, scanDetailQuery) });
  return jsonResponse({ request, schema: scanDetail, body });
});
