import { z } from "zod";
import { pageOf, pageQuery, timestamp } from "@/lib/api/schemas/common";

const text = (description: string) => z.string().trim().min(1).max(200).optional().meta({ description });
const instant = (description: string) =>
  z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .optional()
    .meta({ description: `${description} An ISO 8601 instant, or a day (UTC midnight).` });

/** `GET /api/v1/audit-events`: filters of the audit log, all optional, all applied together. */
export const auditEventListQuery = pageQuery.extend({
  actor: text("Part of the actor's name or id, any case (`ada`, `local`)."),
  action: text("An action (`source.update`) or every action on one kind of target (`source`, `owner`, `token`)."),
  target: text("Part of the target's name or id, any case (a source's name, a service's slug)."),
  from: instant("Events at or after this time."),
  to: instant("Events before this time (a bare day counts whole: through its end)."),
});

/** One recorded change: who, what, on which target, when and from where. */
export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: timestamp,
    actor: z
      .object({
        kind: z.string().meta({ description: "user (signed in), token (an API token) or local (local mode's user)." }),
        id: z.string(),
        name: z.string(),
      })
      .meta({ description: "Who made the change." }),
    action: z
      .string()
      .meta({ description: "`<target kind>.<verb>`: source.create, source.update, scan.start, owner.set, token.revoke, …" }),
    target: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    detail: z.record(z.string(), z.unknown()).meta({ description: "What changed (never a secret; credentials by variable name)." }),
    remoteAddress: z.string().nullable().meta({ description: "First hop of X-Forwarded-For, as the request claimed it." }),
    userAgent: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

export const auditEventList = pageOf(auditEventSchema).meta({ id: "AuditEventList" });
