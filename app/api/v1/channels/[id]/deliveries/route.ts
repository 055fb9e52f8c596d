// GET /api/v1/channels/{id}/deliveries – a channel's delivery log, newest first (?limit=)
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams, readQuery } from "@/lib/api/read-request";
import { deliveryList, deliveryListQuery } from "@/lib/api/schemas/channels";
import { idParams } from "@/lib/api/schemas/scans";
import { NotFoundError } from "@/lib/errors";
import { findChannelTeam } from "@/lib/notifications/find-channel-team";
import { listDeliveries } from "@/lib/notifications/list-deliveries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { id } = await readParams(context.params, idParams);
  const { limit } = readQuery(request, deliveryListQuery);
  if (!(await findChannelTeam({ id }))) throw new NotFoundError(`no notification channel ${id}`);
  const items = (await listDeliveries({ channelId: id, limit })).map(({ channelId: _channel, ...d }) => ({
    ...d,
    status: d.status as "pending" | "sending" | "delivered" | "failed",
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  }));
  return jsonResponse({ request, schema: deliveryList, body: { items } });
});
