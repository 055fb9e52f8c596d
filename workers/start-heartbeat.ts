import { rename, rm, writeFile } from "node:fs/promises";

/** How often a running worker rewrites its heartbeat file. */
export const HEARTBEAT_INTERVAL_MS = 10_000;

export interface Heartbeat {
  /** Stops beating and removes the file, so a probe reads "not ready" while the worker drains. */
  stop(): Promise<void>;
}

/**
 * Rewrites `file` with the current time every `intervalMs` while the worker's event loop turns. A worker
 * serves no HTTP, so this file is what its Kubernetes probes read (deploy/kubernetes/base/worker.yaml): a
 * loop blocked by a runaway scan stops rewriting it, and the kubelet restarts the pod; its jobs are retried.
 * The first beat is written before this returns, so "ready" follows "worker ready" at once.
 */
export async function startHeartbeat(opts: { file: string; intervalMs?: number }): Promise<Heartbeat> {
  const beat = async () => {
    // Written beside the file and renamed over it: a probe never reads a half-written file.
    const next = `${opts.file}.${process.pid}.tmp`;
    await writeFile(next, `${new Date().toISOString()}\n`);
    await rename(next, opts.file);
  };
  await beat();
  let pending = Promise.resolve();
  // A failed beat (the volume full, say) is retried on the next tick; a probe notices if it keeps failing.
  const timer = setInterval(() => (pending = beat().catch(() => undefined)), opts.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  // The heartbeat never keeps a stopping worker alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await rm(opts.file, { force: true });
    },
  };
}
