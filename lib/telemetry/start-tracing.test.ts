import assert from "node:assert/strict";
import { test } from "node:test";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { parseEnv } from "@/lib/env";
import { startTracing } from "@/lib/telemetry/start-tracing";
import { withSpan } from "@/lib/telemetry/with-span";

test("without an OTLP endpoint a worker registers nothing: spans are no-ops with no ids, nothing is exported", async () => {
  const tracing = startTracing({ process: "worker" });
  assert.equal(tracing.exportingTo, null);
  const context = await withSpan({ name: "job scan-source" }, async (span) => span.spanContext());
  assert.equal(context.traceId, "00000000000000000000000000000000");
  assert.equal(trace.getActiveSpan(), undefined);
  await tracing.shutdown();
});

test("a failing job's span is an error with the exception recorded, and the error reaches the caller unchanged", async () => {
  // Registered after the test above: a process registers its provider once.
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({ process: "worker", processors: [new SimpleSpanProcessor(exporter)] });
  const failure = new Error("tarball too large");
  await assert.rejects(
    withSpan({ name: "job scan-repository", attributes: { "dozen.job.name": "scan-repository" } }, async () => {
      throw failure;
    }),
    (error) => error === failure,
  );
  const [span] = exporter.getFinishedSpans();
  assert.equal(span?.name, "job scan-repository");
  assert.equal(span?.attributes["dozen.job.name"], "scan-repository");
  assert.deepEqual(span?.status, { code: SpanStatusCode.ERROR, message: "tarball too large" });
  assert.equal(span?.events[0]?.name, "exception");
  await tracing.shutdown();
});

test("the OTEL_* variables are read as the specification writes them", () => {
  const config = parseEnv({
    OTEL_EXPORTER_OTLP_ENDPOINT: "https://collector.internal:4318",
    OTEL_EXPORTER_OTLP_HEADERS: "api-key=abc%3D%3D, x-tenant = team a",
    OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=prod,service.version=1.2.3",
  });
  assert.equal(config.OTEL_EXPORTER_OTLP_PROTOCOL, "http/protobuf");
  assert.deepEqual(config.OTEL_EXPORTER_OTLP_HEADERS, { "api-key": "abc==", "x-tenant": "team a" });
  assert.deepEqual(config.OTEL_RESOURCE_ATTRIBUTES, { "deployment.environment.name": "prod", "service.version": "1.2.3" });
  assert.equal(parseEnv({}).OTEL_EXPORTER_OTLP_ENDPOINT, undefined);
  assert.equal(parseEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "" }).OTEL_EXPORTER_OTLP_ENDPOINT, undefined, "empty is unset");
  for (const bad of [
    { OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" },
    { OTEL_EXPORTER_OTLP_HEADERS: "no-equals-sign" },
    { DOZEN_WORKER_METRICS_PORT: "70000" },
  ])
    assert.throws(() => parseEnv(bad), new RegExp(Object.keys(bad)[0]!));
});
