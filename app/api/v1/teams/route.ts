// GET /api/v1/teams – teams with their live service count and mean score, worst first; POST – make a team (admins, 201)
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listTeamsPage } from "@/lib/api/list-teams-page";
import { readBody, readQuery } from "@/lib/api/read-request";
import { createdTeam, createTeamBody } from "@/lib/api/schemas/ownership";
import { teamList, teamListQuery } from "@/lib/api/schemas/teams";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createTeam } from "@/lib/persistence/create-team";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const body = await listTeamsPage({ query: readQuery(request, teamListQuery) });
  return jsonResponse({ request, schema: teamList, body });
});

export const POST = apiRoute(async (request) => {
  const input = await readBody(request, createTeamBody);
  const team = await createTeam({ input, audit: await requestAuditContext({ request }) });
  const response = jsonResponse({ request, schema: createdTeam, body: team, status: 201 });
  response.headers.set("location", `/api/v1/teams/${team.slug}`);
  return response;
});
