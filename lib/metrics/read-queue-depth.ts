import { db } from "@/lib/db";
import type { MetricFamily } from "@/lib/metrics/format-families";

// pg-boss's job states that are still waiting or running; completed, cancelled and failed jobs are history.
const STATES = ["created", "retry", "active"] as const;

/**
 * Jobs per pg-boss queue and state, counted in pg-boss's own tables at scrape time: `created` (waiting, or
 * deferred to a later start), `retry` (failed, waiting for its next attempt) and `active` (a worker holds
 * it). Every queue pg-boss knows is listed, idle ones at 0; no table yet (pg-boss not installed) reads empty.
 */
export async function readQueueDepth(): Promise<MetricFamily> {
  const family: MetricFamily = {
    name: "dozen_queue_jobs",
    help: "pg-boss jobs per queue and state (created, retry, active), from the database.",
    type: "gauge",
    samples: [],
  };
  const installed = await db().$queryRaw<{ found: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS found`;
  if (!installed[0]?.found) return family;
  const [queues, counts] = await Promise.all([
    db().$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue ORDER BY name`,
    db().$queryRaw<{ name: string; state: string; count: number }[]>`
      SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job
      WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`,
  ]);
  for (const { name } of queues)
    for (const state of STATES)
      family.samples.push({ labels: { queue: name, state }, value: counts.find((c) => c.name === name && c.state === state)?.count ?? 0 });
  return family;
}
