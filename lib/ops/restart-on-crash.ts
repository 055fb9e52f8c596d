import type { Logger } from "pino";
import type { ChildHandle } from "@/lib/ops/run-child";

/** A process kept running: what `npm start` stops on shutdown, like a ChildHandle. */
export type KeptProcess = Pick<ChildHandle, "name" | "stop" | "exited">;

/** Back-off between restarts: doubling from `initialMs` up to `maxMs`, back to `initialMs` after a run of `resetAfterMs`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
  resetAfterMs: number;
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 60_000, resetAfterMs: 60_000 };

/**
 * Starts a process and starts it again whenever it exits on its own (a crash, out of memory), after a
 * back-off, until `stop` is called. A worker that dies loses only its jobs' current attempts (pg-boss
 * retries them once their heartbeat is stale); stopping web and PostgreSQL with it, as `npm start` used to,
 * loses the dashboard too. `exited` resolves with the last exit code once stopped.
 */
export function restartOnCrash(opts: { name: string; start: () => ChildHandle; log: Logger; backoff?: Partial<Backoff> }): KeptProcess {
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  let stopped = false;
  let delay = backoff.initialMs;
  let timer: NodeJS.Timeout | undefined;
  let current: ChildHandle;
  let resolveExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));

  const launch = () => {
    const startedAt = Date.now();
    current = opts.start();
    void current.exited.then((code) => {
      if (stopped) return resolveExited(code);
      if (Date.now() - startedAt >= backoff.resetAfterMs) delay = backoff.initialMs;
      opts.log.error({ process: opts.name, code, restartInMs: delay }, `${opts.name} exited; restarting it`);
      timer = setTimeout(launch, delay);
      delay = Math.min(delay * 2, backoff.maxMs);
    });
  };
  launch();

  return {
    name: opts.name,
    exited,
    stop(signal) {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Between a crash and its restart nothing runs: done at once.
      if (current.child.exitCode !== null || current.child.signalCode !== null) void current.exited.then(resolveExited);
      else current.stop(signal);
    },
  };
}
