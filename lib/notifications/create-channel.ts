import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { smtpUrl } from "@/lib/env";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { checkWebhookUrl } from "@/lib/notifications/check-webhook-url";
import { createChannelInput, type CreateChannelInput } from "@/lib/notifications/channel-input";
import { readSecretKey } from "@/lib/notifications/read-secret-key";
import { sealSecret } from "@/lib/notifications/seal-secret";

/** Host (or mail domain) and last 4 characters of a channel's target: enough to tell channels apart, never to use one. */
function describeTarget(kind: string, target: string): { host: string; hint: string } {
  const host = kind === "email" ? (target.split("@")[1] ?? "") : new URL(target).host;
  return { host: host.toLowerCase(), hint: target.slice(-4) };
}

/**
 * Adds a notification channel to a team. Refused with a ValidationError (400) when the input is wrong, the
 * webhook's host is not allowed (DOZEN_WEBHOOK_HOSTS), e-mail has no DOZEN_SMTP_URL, or there is no key to seal
 * its credentials with (see readSecretKey); NotFoundError when the team does not exist. The URL and secret are
 * stored sealed only; `channel.create` is recorded in the same transaction, with the host and hint, never them.
 * The caller checks the role (admin, or a maintainer of the team).
 */
export async function createChannel(opts: { input: CreateChannelInput; audit: AuditContext }): Promise<{ id: number; teamSlug: string }> {
  const parsed = createChannelInput.safeParse(opts.input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
    throw new ValidationError("invalid channel", { fields });
  }
  const input = parsed.data;
  const target = input.kind === "email" ? input.url.replace(/^mailto:/, "") : input.url;
  if (input.kind === "email") {
    if (!smtpUrl()) throw new ValidationError("e-mail needs DOZEN_SMTP_URL", { fields: { kind: "set DOZEN_SMTP_URL to send e-mail" } });
  } else {
    const refused = checkWebhookUrl({ url: target });
    if (refused) throw new ValidationError(`webhook URL refused: ${refused}`, { fields: { url: refused } });
  }
  const team = await db().team.findUnique({ where: { slug: input.team }, select: { id: true, slug: true, name: true } });
  if (!team) throw new NotFoundError(`no team "${input.team}"`);
  const key = readSecretKey();
  const { host, hint } = describeTarget(input.kind, target);
  const id = await db().$transaction(async (tx) => {
    const made = await tx.notificationChannel.create({
      data: {
        teamId: team.id,
        kind: input.kind,
        target: sealSecret({ plain: target, key, context: `${input.kind}:target` }),
        secret: input.secret ? sealSecret({ plain: input.secret, key, context: `${input.kind}:secret` }) : null,
        host,
        hint,
        minScoreDrop: input.minScoreDrop,
        fleetDigest: input.fleetDigest,
        createdBy: opts.audit.actor.name,
      },
      select: { id: true },
    });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "channel.create",
      target: { kind: "channel", id: made.id, name: `${input.kind} ${host}` },
      detail: { team: team.slug, kind: input.kind, host, hint, minScoreDrop: input.minScoreDrop, fleetDigest: input.fleetDigest },
    });
    return made.id;
  });
  return { id, teamSlug: team.slug };
}
