// GET /api/v1/channels – notification channels (?team=); POST /api/v1/channels – add one ({ team, kind, url, secret } → 201)
import { apiRoute } from "@/lib/api/api-route";
import { channelJson } from "@/lib/api/channel-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody, readQuery } from "@/lib/api/read-request";
import { requireTeamMaintainer } from "@/lib/api/require-team-maintainer";
import { channelList, channelListQuery, channelSchema, createChannelBody } from "@/lib/api/schemas/channels";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createChannel } from "@/lib/notifications/create-channel";
import { listChannels } from "@/lib/notifications/list-channels";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const { team } = readQuery(request, channelListQuery);
  const channels = await listChannels(team ? { team } : {});
  return jsonResponse({ request, schema: channelList, body: { items: channels.map(channelJson) } });
});

// Admins, or maintainers of the team (apiRoute lets any signed-in role in: a maintainer limited to teams is
// judged on the team the body names).
export const POST = apiRoute(
  async (request, _context, principal) => {
    requireTeamMaintainer({ principal });
    const body = await readBody(request, createChannelBody);
    requireTeamMaintainer({ principal, team: body.team });
    const { id, teamSlug } = await createChannel({ input: body, audit: await requestAuditContext({ request }) });
    const made = (await listChannels({ team: teamSlug })).find((c) => c.id === id)!;
    const response = jsonResponse({ request, schema: channelSchema, body: channelJson(made), status: 201 });
    response.headers.set("location", `/api/v1/channels/${id}`);
    return response;
  },
  { role: "viewer" },
);
