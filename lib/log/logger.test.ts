import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { createLogger } from "@/lib/log/logger";
import { startTracing } from "@/lib/telemetry/start-tracing";
import { withSpan } from "@/lib/telemetry/with-span";

// A real tracer provider, as a worker registers it; the spans stay in memory instead of going to a collector.
const exporter = new InMemorySpanExporter();
const tracing = startTracing({ process: "worker", processors: [new SimpleSpanProcessor(exporter)] });
after(() => tracing.shutdown());

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

// LOG_LEVEL is warn under npm test: the lines are warnings so they are written.
test("a log line written inside a span carries its trace_id and span_id; one outside carries neither", async () => {
  const { lines, stream } = capture();
  const log = createLogger({ process: "worker", destination: stream });
  log.warn("before");
  const ids = await withSpan({ name: "scan local" }, async (span) => {
    log.child({ job: "scan-source" }).warn("inside");
    return span.spanContext();
  });
  log.warn("after");
  const [before, inside, afterSpan] = lines;
  assert.equal(inside?.msg, "inside");
  assert.equal(inside?.trace_id, ids.traceId);
  assert.equal(inside?.span_id, ids.spanId);
  assert.match(String(inside?.trace_id), /^[0-9a-f]{32}$/);
  assert.equal(inside?.job, "scan-source");
  for (const line of [before, afterSpan]) {
    assert.equal(line?.trace_id, undefined);
    assert.equal(line?.span_id, undefined);
  }
  // The span the line names is the one exported.
  assert.deepEqual(
    exporter.getFinishedSpans().map((s) => [s.name, s.spanContext().spanId]),
    [["scan local", ids.spanId]],
  );
});
