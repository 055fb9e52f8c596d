import type { z } from "zod";
import type { channelSchema } from "@/lib/api/schemas/channels";
import type { ChannelSummary } from "@/lib/notifications/list-channels";

/** A channel as the API answers it (timestamps as ISO strings); never a URL or secret, which listChannels does not read. */
export function channelJson(channel: ChannelSummary): z.input<typeof channelSchema> {
  return {
    ...channel,
    kind: channel.kind as z.input<typeof channelSchema>["kind"],
    createdAt: channel.createdAt.toISOString(),
    lastDelivery: channel.lastDelivery
      ? {
          ...channel.lastDelivery,
          status: channel.lastDelivery.status as "pending" | "sending" | "delivered" | "failed",
          at: channel.lastDelivery.at.toISOString(),
        }
      : null,
  };
}
