import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Histogram } from "prom-client";

const tracer = () => trace.getTracer("dozen");

/**
 * Runs `fn` inside an active span (so spans and log lines it produces are its children) and, with
 * `histogram`, records how long it took with `outcome` ok or error. A throw marks the span as an error with
 * the exception recorded, and is rethrown unchanged. Without a registered tracer provider the span is a
 * no-op and only the histogram records.
 */
export async function withSpan<T>(
  opts: { name: string; attributes?: Attributes; histogram?: Histogram<"outcome"> | Histogram<string>; labels?: Record<string, string> },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  return tracer().startActiveSpan(opts.name, { attributes: opts.attributes }, async (span) => {
    const observe = (outcome: "ok" | "error") => opts.histogram?.observe({ ...opts.labels, outcome }, (performance.now() - started) / 1000);
    try {
      const result = await fn(span);
      observe("ok");
      return result;
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      observe("error");
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds attributes to the active span (a scan's verdict, counted where it is decided); nothing without one. */
export function annotateSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
