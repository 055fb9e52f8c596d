import { test, expect } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { childEnv } from "@/lib/env";
import { nodeBin, ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { startOtlpReceiver } from "@/test/otlp/otlp-receiver";
import { databaseUrlFor } from "@/test/support/test-database";
import { freePort } from "@/test/support/free-port";

// The web process of this build, started as `npm run web` starts it, with OTEL_EXPORTER_OTLP_ENDPOINT pointing
// at the OTLP/HTTP receiver stand-in (JSON this time; the worker's test covers protobuf).
test("[OPS] the web exports a server span per request, by route, and /api/metrics times each route template", async ({ page, request }) => {
  test.setTimeout(180_000);
  const receiver = await startOtlpReceiver();
  const database = `telemetry_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${database}`);
  const env = childEnv({ DATABASE_URL: databaseUrlFor(database), LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" });
  expect(spawnSync(process.execPath, tsxArgs("scripts/migrate.ts"), { cwd: ROOT, env }).status).toBe(0);
  const port = await freePort();
  const web = spawn(process.execPath, [nodeBin("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    stdio: "ignore",
    env: {
      ...env,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_SERVICE_NAME: "dozen-test-web",
    },
  });
  const url = (p: string) => `http://127.0.0.1:${port}${p}`;
  try {
    await expect.poll(async () => (await request.get(url("/api/healthz")).catch(() => null))?.status() ?? 0, { timeout: 60_000 }).toBe(200);

    // An API call inside a caller's trace: the server spans join it (W3C traceparent), the proxy's routing hop
    // as the caller's child and, inside it, the request's own span, which names the route.
    const traceId = randomBytes(16).toString("hex");
    const callerSpan = randomBytes(8).toString("hex");
    await request.get(url("/api/healthz"), { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } });
    const api = await receiver.waitFor((s) => s.traceId === traceId && s.kind === 2 && s.attributes["http.route"] !== undefined);
    const hop = await receiver.waitFor((s) => s.spanId === api.parentSpanId);
    expect([hop.traceId, hop.parentSpanId]).toEqual([traceId, callerSpan]);
    expect([api.name, api.attributes["http.route"], api.attributes["http.status_code"]]).toEqual(["GET /api/healthz", "/api/healthz", 200]);
    expect(api.resource["service.name"]).toBe("dozen-test-web");
    expect(receiver.requests.every((r) => r.path === "/v1/traces" && r.contentType.startsWith("application/json"))).toBe(true);

    // Page loads: the overview, and a service page whose slug must not become a label.
    await page.goto(url("/"));
    await page.goto(url("/services/no-such-service"));
    const overview = await receiver.waitFor((s) => s.kind === 2 && s.attributes["http.route"] === "/");
    expect(overview.name).toBe("GET /");
    const service = await receiver.waitFor((s) => s.kind === 2 && s.attributes["http.route"] === "/services/[slug]");
    expect(service.attributes["http.target"]).toBe("/services/no-such-service");

    const metrics = await (await request.get(url("/api/metrics"))).text();
    const count = (labels: string) =>
      Number(
        new RegExp(`^dozen_http_request_duration_seconds_count\\{${labels.replace(/[[\]/]/g, "\\$&")}\\} (\\d+)$`, "m").exec(
          metrics,
        )?.[1] ?? 0,
      );
    expect(count('method="GET",route="/api/healthz",status="200"')).toBeGreaterThanOrEqual(2);
    expect(count('method="GET",route="/",status="200"')).toBeGreaterThanOrEqual(1);
    // A page streams its 200 before notFound() can change it, so only the route is certain here.
    expect(metrics).toMatch(/^dozen_http_request_duration_seconds_count\{method="GET",route="\/services\/\[slug\]",status="\d+"\} [1-9]/m);
    expect(metrics).not.toContain("no-such-service");
    expect(metrics).toMatch(/^dozen_scans_total\{kind="local",status="succeeded"\} 0$/m);
    expect(metrics).toMatch(/^dozen_metrics_database_up 1$/m);
  } finally {
    web.kill("SIGTERM");
    await receiver.close();
    await adminQuery(`drop database if exists ${database} with (force)`);
  }
});

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
