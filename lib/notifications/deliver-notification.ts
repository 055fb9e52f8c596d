import type { Logger } from "pino";
import { db } from "@/lib/db";
import { DozenError } from "@/lib/errors";
import { DELIVERY_ATTEMPTS } from "@/lib/notifications/channel-kinds";
import { formatMessage, type NotificationMessage } from "@/lib/notifications/format-message";
import { openSecret } from "@/lib/notifications/open-secret";
import { readSecretKey } from "@/lib/notifications/read-secret-key";
import { sendMail } from "@/lib/notifications/send-mail";
import { sendWebhook, type AttemptResult } from "@/lib/notifications/send-webhook";

const CLAIM_MS = 60_000;

/**
 * One attempt at one delivery. A delivery already delivered (or given up) is left alone, so a repeated job
 * never sends it again, and one being sent by another worker is claimed (status `sending`) so two jobs never
 * send it at once; a deleted channel ends it. Each attempt is counted and its outcome kept on the row
 * (the delivery log). A failure that retrying may cure throws, and pg-boss retries the job with back-off;
 * the last attempt (DELIVERY_ATTEMPTS) or a permanent refusal marks it failed without throwing. Logs name the
 * channel's kind and host, never its URL or secret.
 */
export async function deliverNotification(opts: { deliveryId: number; log: Logger }): Promise<"delivered" | "failed" | "skipped"> {
  const found = await db().notificationDelivery.findUnique({
    where: { id: opts.deliveryId },
    select: {
      id: true,
      status: true,
      attempts: true,
      event: { select: { key: true, kind: true, payload: true, createdAt: true, team: { select: { slug: true } } } },
      channel: { select: { id: true, kind: true, target: true, secret: true, host: true } },
    },
  });
  if (!found || found.status === "delivered" || found.status === "failed") return "skipped";
  const { event, channel } = found;
  // The claim: only one attempt at a time, whatever pg-boss holds (a second job for this delivery, a retry of
  // a job whose worker was thought dead). An attempt left `sending` by a killed worker is taken over after
  // CLAIM_MS, longer than any attempt (the receiver has 10 s).
  const claimed = await db().notificationDelivery.updateMany({
    where: {
      id: found.id,
      OR: [{ status: "pending" }, { status: "sending", lastAttemptAt: { lt: new Date(Date.now() - CLAIM_MS) } }],
    },
    data: { status: "sending", attempts: { increment: 1 }, lastAttemptAt: new Date() },
  });
  if (claimed.count === 0) return "skipped";
  const attempt = found.attempts + 1;
  const payload = event.payload as { subject?: string; lines?: string[]; url?: string | null } & Record<string, unknown>;
  const { subject, lines, url, ...data } = payload;
  const message: NotificationMessage = {
    id: event.key,
    kind: event.kind,
    team: event.team?.slug ?? null,
    subject: subject ?? event.kind,
    lines: lines ?? [],
    url: url ?? null,
    at: event.createdAt.toISOString(),
    data,
  };
  const result = await send({ channel, channelId: channel.id, message, deliveryId: found.id });
  const last = result.ok || result.permanent || attempt >= DELIVERY_ATTEMPTS;
  const status = result.ok ? "delivered" : last ? "failed" : "pending";
  await db().notificationDelivery.update({
    where: { id: found.id },
    data: { status, lastCode: result.code, lastError: result.error, ...(result.ok ? { deliveredAt: new Date() } : {}) },
  });
  const context = { deliveryId: found.id, event: event.kind, channel: channel.id, kind: channel.kind, host: channel.host, attempt };
  if (result.ok) opts.log.info(context, "notification delivered");
  else if (last) opts.log.warn({ ...context, reason: result.error }, "notification delivery failed for good");
  if (!result.ok && !last) throw new DozenError(`delivery ${found.id} attempt ${attempt}: ${result.error}`);
  return result.ok ? "delivered" : "failed";
}

async function send(opts: {
  channel: { kind: string; target: string; secret: string | null };
  channelId: number;
  message: NotificationMessage;
  deliveryId: number;
}): Promise<AttemptResult> {
  let key: Buffer;
  let target: string;
  let secret: string | null;
  try {
    key = readSecretKey();
    target = openSecret({ sealed: opts.channel.target, key, context: `${opts.channel.kind}:target` });
    secret = opts.channel.secret ? openSecret({ sealed: opts.channel.secret, key, context: `${opts.channel.kind}:secret` }) : null;
  } catch (error) {
    return {
      ok: false,
      code: null,
      error: error instanceof DozenError ? error.message : "the channel's credentials cannot be read",
      permanent: true,
    };
  }
  const { body, text } = formatMessage({ kind: opts.channel.kind, message: opts.message, delivery: opts.deliveryId });
  if (opts.channel.kind === "email")
    return sendMail({ to: target, subject: opts.message.subject, text, messageId: `<dozen-delivery-${opts.deliveryId}@dozen.invalid>` });
  // One key per (event, channel): two channels of a team may well post to one receiver.
  return sendWebhook({
    url: target,
    body,
    secret,
    deliveryKey: `${opts.message.id}@channel:${opts.channelId}`,
    eventKind: opts.message.kind,
  });
}
