import { z } from "zod";
import { CHANNEL_KINDS } from "@/lib/notifications/channel-kinds";
import { timestamp } from "@/lib/api/schemas/common";

export { createChannelInput as createChannelBody } from "@/lib/notifications/channel-input";

/** `GET /api/v1/channels?team=`: one team's channels (its slug); omitted, every team's. */
export const channelListQuery = z.object({ team: z.string().min(1).max(200).optional().meta({ description: "A team's slug." }) });

/**
 * A notification channel as the API answers it: never its URL, address or secret (credentials, stored sealed),
 * only the host (or mail domain) and the target's last 4 characters.
 */
export const channelSchema = z
  .object({
    id: z.number().int(),
    team: z.string().meta({ description: "The team's slug." }),
    kind: z.enum(CHANNEL_KINDS),
    host: z.string().meta({ description: "Host of the webhook URL (or the address's domain)." }),
    hint: z.string().meta({ description: "The URL's (or address's) last 4 characters." }),
    minScoreDrop: z.number(),
    fleetDigest: z.boolean(),
    createdAt: timestamp,
    createdBy: z.string(),
    lastDelivery: z
      .object({
        status: z.enum(["pending", "sending", "delivered", "failed"]),
        attempts: z.number().int(),
        at: timestamp,
        error: z.string().nullable().meta({ description: "Why its last attempt failed, in Dozen's words." }),
      })
      .nullable(),
  })
  .meta({ id: "Channel" });

export const channelList = z.object({ items: z.array(channelSchema) }).meta({ id: "ChannelList" });
