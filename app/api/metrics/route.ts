// GET /api/metrics – Prometheus metrics: this web process's, plus the fleet's scans and job queues
import { renderWebMetrics } from "@/lib/metrics/render-web-metrics";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { text, contentType } = await renderWebMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
