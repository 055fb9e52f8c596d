import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { after, test } from "node:test";
import { childEnv } from "@/lib/env";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { registerSource } from "@/lib/sources/register-source";
import { requestScanThroughBoss, waitForScan } from "@/test/github/worker-processes";
import { startOtlpReceiver } from "@/test/otlp/otlp-receiver";
import { useTestDatabase } from "@/test/support/test-database";
import { freePort } from "@/test/support/free-port";

// A real worker process (workers/main.ts) scanning a local source, its traces going to an OTLP/HTTP receiver
// that decodes them with the official protobuf definitions, its metrics scraped over HTTP as Prometheus would.
test("a worker exports its job and scan spans over OTLP, logs their trace ids, and serves its metrics", async () => {
  const database = await useTestDatabase();
  const receiver = await startOtlpReceiver();
  const metricsPort = await freePort();
  process.env.DOZEN_LOCAL_ROOTS = path.join(ROOT, "examples");
  const lines: Record<string, unknown>[] = [];
  const worker = spawn(process.execPath, tsxArgs("workers/main.ts"), {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv({
      DATABASE_URL: database.url,
      LOG_LEVEL: "info",
      DOZEN_LOCAL_ROOTS: path.join(ROOT, "examples"),
      DOZEN_WORKER_METRICS_PORT: String(metricsPort),
      OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`,
      OTEL_EXPORTER_OTLP_HEADERS: "x-collector-key=s%C3%A9same",
      OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=test",
    }),
  });
  let buffered = "";
  worker.stdout.on("data", (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const line of parts) if (line.startsWith("{")) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
  after(async () => {
    if (worker.exitCode === null) worker.kill("SIGKILL");
    await receiver.close();
    await database.drop();
  });

  const source = await registerSource({
    kind: "local",
    input: { name: "payments", directory: path.join(ROOT, "examples/fleet/payments-api"), schedule: null },
    ifExists: "return",
  });
  const { scanId } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id });
  const scan = await waitForScan({ scanId });
  assert.equal(scan.status, "succeeded");

  // The scan's span, with what a trace search filters on, inside the job's span of the same trace.
  const scanSpan = await receiver.waitFor((s) => s.name === "scan local");
  assert.equal(scanSpan.attributes["dozen.scan.id"], scanId);
  assert.equal(scanSpan.attributes["dozen.source.kind"], "local");
  assert.equal(scanSpan.attributes["dozen.source.name"], "payments");
  assert.equal(scanSpan.attributes["dozen.scan.status"], "succeeded");
  assert.equal(scanSpan.attributes["dozen.scan.targets_done"], scan.targetsDone);
  assert.equal(scanSpan.attributes["dozen.scan.targets_failed"], 0);
  assert.equal(scanSpan.resource["service.name"], "dozen-worker");
  assert.equal(scanSpan.resource["deployment.environment.name"], "test");
  const jobSpan = await receiver.waitFor((s) => s.spanId === scanSpan.parentSpanId);
  assert.equal(jobSpan.name, "job scan-source");
  assert.equal(jobSpan.traceId, scanSpan.traceId);
  assert.equal(jobSpan.attributes["dozen.job.name"], "scan-source");
  const rollups = await receiver.waitFor((s) => s.name === "rollups");
  assert.equal(rollups.traceId, scanSpan.traceId);
  // Sent as the default OTLP/HTTP protocol, protobuf, to the base endpoint's /v1/traces, with the headers.
  assert.ok(receiver.requests.length > 0);
  for (const request of receiver.requests) {
    assert.equal(request.path, "/v1/traces");
    assert.equal(request.contentType, "application/x-protobuf");
    assert.equal(request.headers["x-collector-key"], "sésame");
  }

  // The job's log lines name the job's span: from a log line to its trace and back.
  const started = lines.find((l) => l.msg === "scan started");
  assert.equal(started?.trace_id, jobSpan.traceId);
  assert.equal(started?.span_id, jobSpan.spanId);
  assert.equal(lines.find((l) => l.msg === "worker ready")?.trace_id, undefined);

  // The worker's own Prometheus endpoint.
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  assert.match(text, /^dozen_job_duration_seconds_count\{job="scan-source",outcome="ok"\} 1$/m);
  const targets = /^dozen_target_duration_seconds_count\{target_kind="repository"\} (\d+)$/m.exec(text);
  assert.equal(Number(targets?.[1]), scan.targetsDone);
  assert.match(text, /^dozen_rollup_duration_seconds_count\{outcome="ok"\} [1-9]\d*$/m);
  assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status, 404);

  // SIGTERM: the worker flushes what it still buffers and exits cleanly.
  worker.kill("SIGTERM");
  assert.equal(await exited, 0);
});
