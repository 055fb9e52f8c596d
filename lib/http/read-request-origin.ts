const MAX_ADDRESS = 100;
const MAX_AGENT = 300;

/**
 * Where a request came from, for the audit log: the first hop of `X-Forwarded-For` (the client as the
 * outermost proxy saw it; Next.js adds the socket's address when no proxy set the header), and the
 * User-Agent. Both are what the client or its proxies claim, so they are cut to a sane length and kept as
 * text, never trusted for a decision.
 */
export function readRequestOrigin(opts: { headers: Headers }): { remoteAddress: string | null; userAgent: string | null } {
  const first = opts.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const fallback = opts.headers.get("x-real-ip")?.trim();
  const address = first || fallback || null;
  const agent = opts.headers.get("user-agent")?.trim() || null;
  return { remoteAddress: address ? address.slice(0, MAX_ADDRESS) : null, userAgent: agent ? agent.slice(0, MAX_AGENT) : null };
}
