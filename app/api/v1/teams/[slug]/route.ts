// GET /api/v1/teams/{slug} – a team's score, grades, factor means, what to fix first and its services
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { getTeam } from "@/lib/api/get-team";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams } from "@/lib/api/read-request";
import { slugParams } from "@/lib/api/schemas/services";
import { teamDetail } from "@/lib/api/schemas/teams";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { slug } = await readParams(context.params, slugParams);
  return jsonResponse({ request, schema: teamDetail, body: await getTeam({ slug }) });
});
