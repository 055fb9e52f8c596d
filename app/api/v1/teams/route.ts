// GET /api/v1/teams – teams with their live service count and mean score, worst first
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listTeamsPage } from "@/lib/api/list-teams-page";
import { readQuery } from "@/lib/api/read-request";
import { teamList, teamListQuery } from "@/lib/api/schemas/teams";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const body = await listTeamsPage({ query: readQuery(request, teamListQuery) });
  return jsonResponse({ request, schema: teamList, body });
});
