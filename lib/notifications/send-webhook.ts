import { createHmac } from "node:crypto";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { DozenError } from "@/lib/errors";
import { checkWebhookUrl } from "@/lib/notifications/check-webhook-url";
import { pinWebhookAddress, type ResolveHost } from "@/lib/notifications/pin-webhook-address";

/** How long a receiver may take to answer one delivery. */
const TIMEOUT_MS = 10_000;

/** What one attempt came to: the receiver's status, and whether trying again could help (a 4xx other than 408/429 cannot). */
export interface AttemptResult {
  ok: boolean;
  code: number | null;
  error: string | null;
  permanent: boolean;
}

/**
 * POSTs one delivery's JSON body to a webhook. The host is checked against DOZEN_WEBHOOK_HOSTS again first
 * (the list may have narrowed since the channel was added) and redirects are never followed (a 3xx is a
 * failure), so the URL's token only ever goes to an allowed host. With `secret`, the body is signed:
 * `X-Dozen-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. `X-Dozen-Delivery` names the event and channel, the
 * same on every retry, so a receiver can drop a repeat. The host is resolved once, refused when it resolves to
 * a private or local address it was not allowed by name for, and the connection goes to that address
 * (pinWebhookAddress: no second lookup to rebind). Errors name no URL and no response body.
 */
export async function sendWebhook(opts: {
  url: string;
  body: string;
  secret?: string | null;
  deliveryKey: string;
  eventKind: string;
  /** The host's resolver; a test's stands in for DNS. */
  resolve?: ResolveHost;
}): Promise<AttemptResult> {
  const refused = checkWebhookUrl({ url: opts.url });
  if (refused) return { ok: false, code: null, error: `not sent: ${refused}`, permanent: true };
  const pinned = await pinWebhookAddress({ url: new URL(opts.url), resolve: opts.resolve });
  if ("refused" in pinned) return { ok: false, code: null, error: `not sent: ${pinned.refused}`, permanent: pinned.permanent };
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Dozen-Notifications",
    "x-dozen-event": opts.eventKind,
    "x-dozen-delivery": opts.deliveryKey,
  };
  if (opts.secret) headers["x-dozen-signature-256"] = `sha256=${createHmac("sha256", opts.secret).update(opts.body).digest("hex")}`;
  // Every connection of this delivery goes to the pinned address; TLS still checks the certificate for the name.
  const lookup: LookupFunction = (_host, options, callback) =>
    options.all ? callback(null, [pinned]) : callback(null, pinned.address, pinned.family);
  const dispatcher = new Agent({ connect: { lookup } });
  let response: Awaited<ReturnType<typeof undiciFetch>>;
  try {
    response = await undiciFetch(opts.url, {
      method: "POST",
      headers,
      body: opts.body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      dispatcher,
    });
  } catch (error) {
    void dispatcher.close();
    const e = error as { name?: string; cause?: { code?: unknown } };
    const code = typeof e.cause?.code === "string" && /^[A-Z_]{2,40}$/.test(e.cause.code) ? e.cause.code : null;
    const reason = e.name === "TimeoutError" ? "timed out" : code ? `failed (${code})` : "failed (network error)";
    return { ok: false, code: null, error: new DozenError(`the receiver could not be reached: ${reason}`).message, permanent: false };
  }
  await response.body?.cancel().catch(() => undefined);
  void dispatcher.close();
  if (response.status >= 200 && response.status < 300) return { ok: true, code: response.status, error: null, permanent: false };
  const permanent = response.status >= 300 && response.status < 500 && response.status !== 408 && response.status !== 429;
  const what = response.status < 400 ? `answered HTTP ${response.status} (a redirect, not followed)` : `answered HTTP ${response.status}`;
  return { ok: false, code: response.status, error: `the receiver ${what}`, permanent };
}
