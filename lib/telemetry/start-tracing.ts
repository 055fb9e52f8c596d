import { hostname } from "node:os";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { env } from "@/lib/env";

export interface Tracing {
  /** Where spans go, or null when none are exported (no OTLP endpoint, or OTEL_SDK_DISABLED). */
  exportingTo: string | null;
  /** Exports what is still buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
}

/**
 * Registers this process's OpenTelemetry tracer provider (W3C trace context, async-context propagation) and,
 * when OTEL_EXPORTER_OTLP_ENDPOINT (or its traces variant) is set, a batch exporter over OTLP/HTTP, protobuf
 * or JSON. `processors` see every span whether or not one is exported (the web's request metrics). Without an
 * endpoint and without processors nothing is registered: spans stay no-ops and cost nothing.
 */
export function startTracing(opts: { process: "web" | "worker"; processors?: SpanProcessor[] }): Tracing {
  const config = env();
  const url = config.OTEL_SDK_DISABLED ? null : tracesUrl(config);
  const processors = [...(opts.processors ?? [])];
  if (url) {
    const exporterConfig = { url, headers: config.OTEL_EXPORTER_OTLP_HEADERS };
    const exporter =
      config.OTEL_EXPORTER_OTLP_PROTOCOL === "http/json" ? new JsonExporter(exporterConfig) : new ProtobufExporter(exporterConfig);
    processors.push(new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 }));
  }
  if (processors.length === 0) return { exportingTo: null, shutdown: async () => {} };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      ...config.OTEL_RESOURCE_ATTRIBUTES,
      "service.name": config.OTEL_SERVICE_NAME ?? config.OTEL_RESOURCE_ATTRIBUTES["service.name"] ?? `dozen-${opts.process}`,
      "service.namespace": config.OTEL_RESOURCE_ATTRIBUTES["service.namespace"] ?? "dozen",
      "service.instance.id": `${hostname()}-${process.pid}`,
      "dozen.process": opts.process,
    }),
    spanProcessors: processors,
  });
  provider.register();
  return { exportingTo: url, shutdown: () => provider.shutdown() };
}

function tracesUrl(config: ReturnType<typeof env>): string | null {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  // The specification's rule for the base endpoint: the signal's path is appended to it.
  return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`;
}
