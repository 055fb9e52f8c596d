import { createLogger } from "@/lib/log/logger";
import { env } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { ensureQueues } from "@/lib/jobs/ensure-queues";
import { describeAttempt } from "@/lib/jobs/describe-attempt";
import { redactJobError } from "@/lib/jobs/redact-job-error";
import { syncSchedules } from "@/lib/sources/sync-schedules";
import { disconnectDatabase } from "@/lib/db";
import { loadJobs } from "@/workers/registry";
import { startHeartbeat, type Heartbeat } from "@/workers/start-heartbeat";
import { serveMetrics } from "@/lib/ops/serve-metrics";
import { instruments } from "@/lib/telemetry/instruments";
import { startTracing } from "@/lib/telemetry/start-tracing";
import { withSpan } from "@/lib/telemetry/with-span";

/**
 * The worker process type (`npm run worker`): takes scan jobs from pg-boss and runs them. Any number of
 * these can run against one database; pg-boss hands each job to one of them (SKIP LOCKED).
 */
const log = createLogger({ process: "worker" });
const config = env();
// Spans of jobs and scans go to OTEL_EXPORTER_OTLP_ENDPOINT when it is set; metrics stay in this process.
const tracing = startTracing({ process: "worker" });
let metrics: Awaited<ReturnType<typeof serveMetrics>> | undefined;
const boss = createBoss({ role: "worker" });
const stopping = new AbortController();
let heartbeat: Heartbeat | undefined;

boss.on("error", (err) => log.error({ err }, "pg-boss error"));

async function main(): Promise<void> {
  const jobs = await loadJobs();
  await boss.start();
  await ensureQueues({ boss, jobs });
  const { scheduled, skipped } = await syncSchedules({ boss, log });
  for (const job of jobs) {
    await boss.work(
      job.name,
      {
        localConcurrency: config.DOZEN_WORKER_CONCURRENCY,
        pollingIntervalSeconds: 1,
        batchSize: 1,
        includeMetadata: true,
        ...(job.groupConcurrency ? { groupConcurrency: job.groupConcurrency } : {}),
      },
      async ([raw]) => {
        if (!raw) return;
        const attributes = { "dozen.job.name": job.name, "dozen.job.id": raw.id, "dozen.job.attempt": raw.retryCount };
        const span = { name: `job ${job.name}`, attributes, histogram: instruments().jobDuration, labels: { job: job.name } };
        await withSpan(span, async () => {
          const jobLog = log.child({ job: job.name, jobId: raw.id, attempt: raw.retryCount });
          // An attempt that died with its worker (killed, out of memory) could not log itself: its retry
          // says what pg-boss recorded of it ("job heartbeat timeout", or the redacted error).
          if (raw.retryCount > 0) jobLog.warn({ previous: describeAttempt(raw.output) }, "job retried after a failed attempt");
          const payload = job.schema.safeParse(raw.data);
          // A malformed payload can never succeed: fail it once, loudly, instead of retrying it forever.
          if (!payload.success) {
            jobLog.error({ issues: payload.error.issues }, "invalid job payload");
            throw new Error(`invalid payload for ${job.name}`);
          }
          // What pg-boss stores of a failure is what was thrown: never an upstream body, header or file line.
          await job
            .handle(payload.data, { boss, log: jobLog, signal: stopping.signal, failure: raw.sourceOutput ?? undefined })
            .catch((error: unknown) => {
              const redacted = redactJobError(error);
              // Every failed attempt is logged here, with the same fixed wording pg-boss stores.
              jobLog.warn({ reason: redacted.message, retryLimit: raw.retryLimit }, "job attempt failed");
              throw redacted;
            });
        });
      },
    );
  }
  // A port already taken costs this worker its metrics, not its jobs: said loudly, and the worker works on.
  if (config.DOZEN_WORKER_METRICS_PORT)
    metrics = await serveMetrics({ registry: instruments().registry, port: config.DOZEN_WORKER_METRICS_PORT }).catch((err: unknown) => {
      log.error({ err, port: config.DOZEN_WORKER_METRICS_PORT }, "cannot serve metrics: DOZEN_WORKER_METRICS_PORT is taken");
      return undefined;
    });
  log.info(
    {
      jobs: jobs.map((j) => j.name),
      scheduled,
      concurrency: config.DOZEN_WORKER_CONCURRENCY,
      metrics: metrics ? `:${metrics.port}/metrics` : "off",
      traces: tracing.exportingTo ?? "off",
    },
    "worker ready",
  );
  if (config.DOZEN_WORKER_HEARTBEAT_FILE && !stopping.signal.aborted)
    heartbeat = await startHeartbeat({ file: config.DOZEN_WORKER_HEARTBEAT_FILE });
  if (skipped > 0) log.warn({ skipped }, "some sources have a schedule pg-boss refuses: fix them on /sources");
}

async function shutdown(signal: string): Promise<void> {
  if (stopping.signal.aborted) return;
  log.info({ signal }, "worker stopping");
  stopping.abort();
  await heartbeat?.stop();
  const timer = setTimeout(() => {
    log.error("shutdown timed out; exiting with jobs left to pg-boss's retry");
    process.exit(1);
  }, config.DOZEN_SHUTDOWN_TIMEOUT_MS + 1000);
  try {
    // Graceful: in-flight handlers finish (or throw on the abort signal and are retried elsewhere).
    await boss.stop({ graceful: true, timeout: config.DOZEN_SHUTDOWN_TIMEOUT_MS, close: true });
    await disconnectDatabase();
    await metrics?.close();
    // The last jobs' spans are still buffered: export them before exiting.
    await tracing.shutdown().catch((err: unknown) => log.warn({ err }, "traces not flushed"));
  } finally {
    clearTimeout(timer);
    log.info("worker stopped");
    process.exit(0);
  }
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

main().catch((err) => {
  log.fatal({ err }, "worker failed to start");
  process.exit(1);
});
