import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The Prometheus instruments of one process (web or worker), observed where the work happens and served by
 * that process: the web at `/api/metrics`, a worker on `DOZEN_WORKER_METRICS_PORT`. Labels are bounded sets
 * (route templates, queue names, source kinds, credential names), never ids or URLs.
 */
export interface Instruments {
  registry: Registry;
  /** Next.js requests by route template (`/api/v1/scans/[id]`), observed from its server spans. */
  httpRequestDuration: Histogram<"method" | "route" | "status">;
  /** The web's page cache (lib/http/page-cache.ts): answers by result, and the bytes it holds. */
  pageCacheAnswers: Counter<"result">;
  pageCacheBytes: Gauge;
  /** One pg-boss job in a worker, from payload parse to handler end. */
  jobDuration: Histogram<"job" | "outcome">;
  /** Checks and scores of one repository target (the `durationMs` stored on the scan target). */
  targetDuration: Histogram<"target_kind">;
  /** One refresh of the daily rollups (after a scan, a team change, a migration). */
  rollupDuration: Histogram<"outcome">;
  /** A GitHub credential's primary rate limit as this process last read it from GitHub's headers. */
  githubRateRemaining: Gauge<"credential">;
  githubRateLimit: Gauge<"credential">;
  githubRateReset: Gauge<"credential">;
}

// Next.js bundles instrumentation.ts and each route apart, so a module-level registry could exist twice in
// one web process; one per process is kept on globalThis.
const holder = globalThis as { __dozenInstruments?: Instruments };

/** This process's instruments, created (with Node's default process metrics) on first use. */
export function instruments(): Instruments {
  holder.__dozenInstruments ??= createInstruments();
  return holder.__dozenInstruments;
}

function createInstruments(): Instruments {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "dozen_http_request_duration_seconds",
      help: "Time the web process took to answer a request, by route template.",
      labelNames: ["method", "route", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    pageCacheAnswers: new Counter({
      name: "dozen_page_cache_answers_total",
      help: "GET requests the web's page cache answered (hit), rendered and kept (miss), or passed on (bypass).",
      labelNames: ["result"],
      registers,
    }),
    pageCacheBytes: new Gauge({ name: "dozen_page_cache_bytes", help: "Bytes of rendered pages the web keeps.", registers }),
    jobDuration: new Histogram({
      name: "dozen_job_duration_seconds",
      help: "Time a worker took to run one job, by queue and outcome.",
      labelNames: ["job", "outcome"],
      buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 1800],
      registers,
    }),
    targetDuration: new Histogram({
      name: "dozen_target_duration_seconds",
      help: "Time the checks and scores of one scan target took.",
      labelNames: ["target_kind"],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers,
    }),
    rollupDuration: new Histogram({
      name: "dozen_rollup_duration_seconds",
      help: "Time one refresh of the daily team and fleet rollups took.",
      labelNames: ["outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    githubRateRemaining: new Gauge({
      name: "dozen_github_rate_limit_remaining",
      help: "Requests left in a GitHub credential's primary rate limit, as this process last read it.",
      labelNames: ["credential"],
      registers,
    }),
    githubRateLimit: new Gauge({
      name: "dozen_github_rate_limit_limit",
      help: "A GitHub credential's primary rate limit per hour, as this process last read it.",
      labelNames: ["credential"],
      registers,
    }),
    githubRateReset: new Gauge({
      name: "dozen_github_rate_limit_reset_timestamp_seconds",
      help: "When a GitHub credential's rate limit refills (Unix time), as this process last read it.",
      labelNames: ["credential"],
      registers,
    }),
  };
}
