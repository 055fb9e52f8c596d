import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "@/lib/ops/bin-path";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { SCAN_DURATION_BUCKETS } from "@/lib/metrics/read-scan-metrics";
import { GET } from "@/app/api/metrics/route";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useWebBoss } from "@/test/support/use-web-boss";

const web = useWebBoss();

/** Prometheus's text format, read back as `name{labels}` → value, the way a scraper sees it. */
async function scrape(): Promise<{ contentType: string; samples: Map<string, number>; text: string }> {
  const response = await GET(new Request("http://dozen.test/api/metrics"));
  assert.equal(response.status, 200);
  const text = await response.text();
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { contentType: response.headers.get("content-type") ?? "", samples, text };
}

let scanned: Awaited<ReturnType<typeof scanIntoDatabase>>;

test("a finished scan counts in dozen_scans_total and its duration in the histogram, by kind and status", async () => {
  // Local sources must lie below an allowed root (DOZEN_LOCAL_ROOTS) where that rule applies.
  process.env.DOZEN_LOCAL_ROOTS = path.join(ROOT, "examples");
  const empty = await scrape();
  assert.equal(empty.samples.get('dozen_scans_total{kind="local",status="succeeded"}'), 0);
  scanned = await scanIntoDatabase({ root: path.join(ROOT, "examples/fleet/payments-api"), name: "payments" });
  assert.equal(scanned.status, "succeeded");
  const { contentType, samples } = await scrape();
  assert.match(contentType, /^text\/plain; version=0\.0\.4/);
  assert.equal(samples.get('dozen_scans_total{kind="local",status="succeeded"}'), 1);
  assert.equal(samples.get('dozen_scans_total{kind="github",status="succeeded"}'), 0, "every kind is listed from the start");
  assert.equal(samples.get('dozen_scan_duration_seconds_count{kind="local",status="succeeded"}'), 1);
  assert.equal(samples.get('dozen_scan_duration_seconds_bucket{kind="local",status="succeeded",le="+Inf"}'), 1);
  const buckets = SCAN_DURATION_BUCKETS.map((le) =>
    samples.get(`dozen_scan_duration_seconds_bucket{kind="local",status="succeeded",le="${le}"}`),
  );
  // Cumulative: a scan of one small service lands in the last bucket at most, and never leaves one once in it.
  assert.ok(
    buckets.every((v, i) => v !== undefined && v <= 1 && (i === 0 || v >= buckets[i - 1]!)),
    String(buckets),
  );
  assert.equal(buckets.at(-1), 1);
  assert.ok((samples.get('dozen_scan_duration_seconds_sum{kind="local",status="succeeded"}') ?? -1) >= 0);
  // The scan refreshed the rollups in this process: their duration is this process's own histogram.
  assert.ok((samples.get('dozen_rollup_duration_seconds_count{outcome="ok"}') ?? 0) >= 1);
  assert.equal(samples.get("dozen_metrics_database_up"), 1);
});

test("a queued scan shows in dozen_scans_in_progress and its job in dozen_queue_jobs until a worker takes it", async () => {
  const queued = await requestScan({ boss: web.boss, sourceId: scanned.sourceId, trigger: "api" });
  assert.equal(queued.alreadyRunning, false);
  const { samples } = await scrape();
  assert.equal(samples.get('dozen_scans_in_progress{kind="local",status="queued"}'), 1);
  assert.equal(samples.get('dozen_scans_in_progress{kind="local",status="running"}'), 0);
  assert.equal(samples.get('dozen_queue_jobs{queue="scan-source",state="created"}'), 1);
  assert.equal(samples.get('dozen_queue_jobs{queue="scan-source",state="active"}'), 0);
  // Finished counts are unchanged by a scan that has not run.
  assert.equal(samples.get('dozen_scans_total{kind="local",status="succeeded"}'), 1);
});

test("the exposition carries Node's process metrics and names no URL or id in a label", async () => {
  const { samples, text } = await scrape();
  assert.ok(samples.has("process_cpu_user_seconds_total"));
  assert.match(text, /^# TYPE dozen_http_request_duration_seconds histogram$/m);
  assert.match(text, /^# TYPE dozen_scan_duration_seconds histogram$/m);
  assert.doesNotMatch(text, /scan_id|source_id|url=/);
});
