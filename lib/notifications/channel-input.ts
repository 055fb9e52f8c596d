import { z } from "zod";
import { CHANNEL_KINDS } from "@/lib/notifications/channel-kinds";

/**
 * A new channel, as `POST /api/v1/channels` and the team page's form take it: the team's slug, the kind, the
 * webhook URL (for e-mail: the address, `mailto:` optional) and, for a generic webhook, the secret its
 * deliveries are signed with. The contract shared by the route, the server action and createChannel.
 */
export const createChannelInput = z
  .object({
    team: z.string().trim().min(1, "required").max(200).meta({ description: "The team's slug." }),
    kind: z.enum(CHANNEL_KINDS).meta({ description: "slack, teams (Microsoft Teams), webhook (generic, signed) or email." }),
    url: z
      .string()
      .trim()
      .min(1, "required")
      .max(2000)
      .meta({ description: "The incoming webhook's URL, or for e-mail the address. A credential: never answered back." }),
    secret: z
      .string()
      .max(500)
      .optional()
      .meta({ description: "Generic webhook only, at least 16 characters: the HMAC-SHA256 key of `X-Dozen-Signature-256`." }),
    minScoreDrop: z.coerce
      .number()
      .min(0.1)
      .max(100)
      .default(5)
      .meta({ description: "Points a service's score must fall for a `score.dropped` event; a grade drop always counts." }),
    fleetDigest: z.boolean().default(false).meta({ description: "Also send the whole fleet's weekly digest here." }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "webhook" && (v.secret ?? "").length < 16)
      ctx.addIssue({ code: "custom", path: ["secret"], message: "a generic webhook needs a secret of at least 16 characters" });
    if (v.kind !== "webhook" && v.secret)
      ctx.addIssue({ code: "custom", path: ["secret"], message: "only a generic webhook is signed with a secret" });
    if (v.kind === "email" && !/^(?:mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.url))
      ctx.addIssue({ code: "custom", path: ["url"], message: "an e-mail address" });
  })
  .meta({ id: "CreateChannel" });
export type CreateChannelInput = z.input<typeof createChannelInput>;
