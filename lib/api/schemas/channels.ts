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

/** `GET /api/v1/channels/{id}/deliveries?limit=`: how many of the newest deliveries (1–200, default 50). */
export const deliveryListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** One delivery of an event to a channel: its status, attempts and the last attempt's outcome, in Dozen's words. */
export const deliverySchema = z
  .object({
    id: z.number().int(),
    event: z.string().meta({ description: "grade.dropped, score.dropped, check.failing, scan.failed, digest.weekly" }),
    subject: z.string(),
    status: z.enum(["pending", "sending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastCode: z.number().int().nullable().meta({ description: "The receiver's HTTP status (or SMTP reply code) of the last attempt." }),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    deliveredAt: timestamp.nullable(),
  })
  .meta({ id: "Delivery" });

export const deliveryList = z.object({ items: z.array(deliverySchema) }).meta({ id: "DeliveryList" });
