// GET /api/metrics – Prometheus metrics: this web process's, plus the fleet's scans and job queues
import { resolvePrincipal } from "@/lib/auth/resolve-principal";
import { env } from "@/lib/env";
import { TooManyRequestsError } from "@/lib/errors";
import { renderWebMetrics } from "@/lib/metrics/render-web-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  // Anonymous by default (a scraper inside the cluster); with DOZEN_METRICS_REQUIRE_TOKEN only an API token
  // reads it, in local mode too: the local user and a signed-in browser are not a scraper.
  if (env().DOZEN_METRICS_REQUIRE_TOKEN) {
    try {
      const principal = request.headers.has("authorization") ? await resolvePrincipal({ headers: request.headers }) : null;
      if (principal?.kind !== "token") return refuse(401);
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) throw error;
      return refuse(429, { "retry-after": String(error.retryAfterSeconds) });
    }
  }
  const { text, contentType } = await renderWebMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}

function refuse(status: 401 | 429, headers: Record<string, string> = {}): Response {
  const text = status === 401 ? "an API token is required (DOZEN_METRICS_REQUIRE_TOKEN)\n" : "too many failed attempts\n";
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="dozen"', ...headers },
  });
}
