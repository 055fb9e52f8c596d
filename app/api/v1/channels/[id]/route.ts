// DELETE /api/v1/channels/{id} – remove a notification channel and its delivery log (204)
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { readParams } from "@/lib/api/read-request";
import { requireTeamMaintainer } from "@/lib/api/require-team-maintainer";
import { idParams } from "@/lib/api/schemas/scans";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError } from "@/lib/errors";
import { deleteChannel } from "@/lib/notifications/delete-channel";
import { findChannelTeam } from "@/lib/notifications/find-channel-team";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(
  async (request, context: PathContext, principal) => {
    requireTeamMaintainer({ principal });
    const { id } = await readParams(context.params, idParams);
    const team = await findChannelTeam({ id });
    if (!team) throw new NotFoundError(`no notification channel ${id}`);
    requireTeamMaintainer({ principal, team });
    await deleteChannel({ id, audit: await requestAuditContext({ request }) });
    return new Response(null, { status: 204 });
  },
  { role: "viewer" },
);
