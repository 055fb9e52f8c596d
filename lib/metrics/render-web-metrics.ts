import { formatFamilies } from "@/lib/metrics/format-families";
import { readQueueDepth } from "@/lib/metrics/read-queue-depth";
import { readScanMetrics } from "@/lib/metrics/read-scan-metrics";
import { instruments } from "@/lib/telemetry/instruments";

/**
 * What `GET /api/metrics` answers: this web process's own instruments (request durations, rollups it ran,
 * Node's process metrics), then the fleet's scans and job queues read from the database. A database that
 * cannot be read leaves the fleet families out and says so in `dozen_metrics_database_up`, so the scrape
 * itself (and the process metrics) still succeeds.
 */
export async function renderWebMetrics(): Promise<{ text: string; contentType: string }> {
  const { registry } = instruments();
  const own = await registry.metrics();
  let fleet = "";
  let up = 1;
  try {
    fleet = formatFamilies({ families: [...(await readScanMetrics()), await readQueueDepth()] });
  } catch {
    up = 0;
  }
  const health = formatFamilies({
    families: [
      {
        name: "dozen_metrics_database_up",
        help: "1 when the fleet's scan and queue figures could be read from the database for this scrape.",
        type: "gauge",
        samples: [{ labels: {}, value: up }],
      },
    ],
  });
  return { text: `${own}${fleet}${health}`, contentType: registry.contentType };
}
