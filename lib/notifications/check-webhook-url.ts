import { webhookHosts } from "@/lib/env";

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Whether `host` (lower-case, no port) is matched by `pattern`'s host: exact, or `*.domain` for any host below it. */
function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}

/**
 * Why a webhook must not be sent to `url`, or null when it may: it must parse, be https (plain http only to a
 * loopback host, for tests and local receivers), carry no user:password, and its host must be allowed by
 * DOZEN_WEBHOOK_HOSTS (a pattern without a port allows any port). Checked when a channel is added and before
 * every delivery, so narrowing the list stops deliveries at once. The reason never repeats the URL.
 */
export function checkWebhookUrl(opts: { url: string }): string | null {
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    return "not a URL";
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.test(host))) return "must be https";
  if (url.username || url.password) return "must not carry a user or password";
  const allowed = webhookHosts().some((entry) => {
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    const [pattern, port] = [m[1]!, m[2]];
    return hostMatches(host, pattern) && (!port || port === (url.port || (url.protocol === "https:" ? "443" : "80")));
  });
  return allowed ? null : `${host} is not an allowed webhook host (DOZEN_WEBHOOK_HOSTS)`;
}
