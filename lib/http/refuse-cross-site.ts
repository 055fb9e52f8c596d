/** The parts of a request a CSRF check reads. */
export interface MutationRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a state-changing request is refused as cross-site, or null when it may go on. Every mutation, API
 * route or server action, generically (new routes are covered without a line of their own):
 * - a browser's request must come from Dozen's own origin: an `Origin` (or `Sec-Fetch-Site`) naming
 *   another site is 403, as is a page POST (a server action) with no Origin at all;
 * - an API mutation must carry JSON (or no body): a form or `text/plain` post, the requests another site
 *   can send without a CORS preflight, is 415. Non-browser clients (the CLI, curl, CI) send no Origin and
 *   JSON, and pass.
 * Who may mutate at all is sign-in's business, not this check's.
 */
export function refuseCrossSite(request: MutationRequest): { status: 403 | 415; reason: string } | null {
  if (SAFE.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin !== null) {
    if (!sameHost({ origin, headers: request.headers })) return { status: 403, reason: "cross-origin request refused" };
  } else if (site !== null && site !== "same-origin" && site !== "none") {
    return { status: 403, reason: "cross-site request refused" };
  } else if (!request.pathname.startsWith("/api/")) {
    return { status: 403, reason: "a form post needs its Origin header" };
  }
  if (request.pathname.startsWith("/api/") && !jsonOrEmpty(request.headers))
    return { status: 415, reason: "API mutations take application/json" };
  return null;
}

function sameHost(opts: { origin: string; headers: Headers }): boolean {
  let host: string;
  try {
    host = new URL(opts.origin).host.toLowerCase();
  } catch {
    return false;
  }
  // Behind a reverse proxy the browser's host arrives as x-forwarded-host; without one, as Host.
  const own = [opts.headers.get("host"), opts.headers.get("x-forwarded-host")].flatMap((h) =>
    h ? [h.split(",")[0]!.trim().toLowerCase()] : [],
  );
  return own.includes(host);
}

function jsonOrEmpty(headers: Headers): boolean {
  const type = headers.get("content-type");
  if (type === null) return (headers.get("content-length") ?? "0") === "0" && headers.get("transfer-encoding") === null;
  const essence = type.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || /^application\/[\w.+-]+\+json$/.test(essence);
}
