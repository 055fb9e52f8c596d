import { registerOTel } from "@vercel/otel";

// OpenTelemetry traces for every route, exported to OTEL_EXPORTER_OTLP_ENDPOINT.
export function register() {
  registerOTel({ serviceName: "checkout-web" });
}
