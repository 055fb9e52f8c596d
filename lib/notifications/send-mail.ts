import nodemailer from "nodemailer";
import { env, smtpUrl } from "@/lib/env";
import type { AttemptResult } from "@/lib/notifications/send-webhook";

/**
 * Sends one delivery as a plain-text e-mail through DOZEN_SMTP_URL, from DOZEN_MAIL_FROM. Its Message-ID is
 * made from the delivery, so a retry of a mail the server did accept is the same message to whoever dedupes.
 * A 5xx reply is permanent, anything else may pass on retry. Errors carry the SMTP reply code, never the URL.
 */
export async function sendMail(opts: { to: string; subject: string; text: string; messageId: string }): Promise<AttemptResult> {
  const url = smtpUrl();
  if (!url) return { ok: false, code: null, error: "not sent: DOZEN_SMTP_URL is not set", permanent: true };
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({
      from: env().DOZEN_MAIL_FROM,
      to: opts.to,
      subject: `[Dozen] ${opts.subject}`,
      text: opts.text,
      messageId: opts.messageId,
    });
    return { ok: true, code: 250, error: null, permanent: false };
  } catch (error) {
    const e = error as { responseCode?: unknown; code?: unknown };
    const code = typeof e.responseCode === "number" ? e.responseCode : null;
    const what = code ? `answered ${code}` : typeof e.code === "string" && /^[A-Z_]{2,40}$/.test(e.code) ? `failed (${e.code})` : "failed";
    return { ok: false, code, error: `the mail server ${what}`, permanent: code !== null && code >= 500 };
  } finally {
    transport.close();
  }
}
