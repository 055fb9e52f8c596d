import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { instruments } from "@/lib/telemetry/instruments";

/**
 * A span processor that turns Next.js's own request spans (`BaseServer.handleRequest`, one per request, named
 * after the route once it is matched) into `dozen_http_request_duration_seconds`. Every page, API route and
 * server action is measured this way without touching its handler; the route label is Next's route template
 * (`/api/v1/scans/[id]`), never the URL, and `other` when no route matched (static files, 404s). The
 * proxy's outer routing span (`next.bubble`) is left out: its inner request span is the one measured.
 */
export function observeHttpSpans(): SpanProcessor {
  return {
    onStart(_span: Span, _context: Context) {},
    onEnd(span: ReadableSpan) {
      if (span.attributes["next.span_type"] !== "BaseServer.handleRequest") return;
      // With a proxy (middleware), the router's outer span only "bubbles" the request on to an inner
      // handleRequest span that carries the route: counting both would time every request twice.
      if (span.attributes["next.bubble"] === true) return;
      const route = span.attributes["http.route"] ?? span.attributes["next.route"];
      const seconds = span.duration[0] + span.duration[1] / 1e9;
      instruments().httpRequestDuration.observe(
        {
          method: String(span.attributes["http.method"] ?? "GET"),
          route: typeof route === "string" ? route : "other",
          status: String(span.attributes["http.status_code"] ?? 0),
        },
        seconds,
      );
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}
