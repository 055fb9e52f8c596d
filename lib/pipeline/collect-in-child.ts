import { fork } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { collectorEnv, env } from "@/lib/env";
import { DozenError, TargetLimitError } from "@/lib/errors";
import type { CollectAnswer, CollectTask } from "@/lib/pipeline/run-collect-task";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRY = path.join(ROOT, "workers/collect-target.ts");
// How often the child's resident memory is read: often enough to stop it within a few hundred MB of the cap.
const MEMORY_POLL_MS = 200;

type Answer<R> = { ok: true; result: R } | { ok: false; reason: string; setting?: string };

/**
 * Collects one target in a child process of its own, so that nothing a target holds (a tarball bomb, a
 * pathological file, an endless parse) can block the worker's event loop (its jobs' heartbeats) or take the
 * worker's memory. The child is killed past DOZEN_TARGET_TIMEOUT_MS of wall time or DOZEN_TARGET_MEMORY_MB of
 * resident memory (its V8 heap is capped at the same), and the target fails with a TargetLimitError naming
 * the bound and its setting (a repository's tarball, a local directory, a live cluster's audit alike). It runs without the database URL or any credential (collectorEnv). A tarball
 * task's `body` is streamed to its stdin. `signal` (the worker stopping) kills it too.
 */
export async function collectInChild<T extends CollectTask>(opts: {
  task: T;
  body?: ReadableStream<Uint8Array>;
  signal?: AbortSignal;
  limits?: { timeoutMs?: number; memoryMb?: number };
}): Promise<CollectAnswer<T>> {
  const timeoutMs = opts.limits?.timeoutMs ?? env().DOZEN_TARGET_TIMEOUT_MS;
  const memoryMb = opts.limits?.memoryMb ?? env().DOZEN_TARGET_MEMORY_MB;
  const child = fork(ENTRY, [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, "--import", "tsx"],
    env: collectorEnv(),
    cwd: ROOT,
    stdio: ["pipe", "inherit", "pipe", "ipc"],
    serialization: "advanced",
  });
  let stderr = "";
  // Kept only to recognise V8's own out-of-memory report; never logged (a stack may quote the target).
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4096)));
  let bound: TargetLimitError | null = null;
  const stop = (reason: TargetLimitError | null) => {
    bound ??= reason;
    child.kill("SIGKILL");
  };
  const timer = setTimeout(
    () =>
      stop(
        new TargetLimitError(`collection took longer than ${timeoutMs} ms (DOZEN_TARGET_TIMEOUT_MS)`, {
          setting: "DOZEN_TARGET_TIMEOUT_MS",
        }),
      ),
    timeoutMs,
  );
  const overMemory = () =>
    new TargetLimitError(`collection used more than ${memoryMb} MB of memory (DOZEN_TARGET_MEMORY_MB)`, {
      setting: "DOZEN_TARGET_MEMORY_MB",
    });
  const poll = setInterval(() => {
    void residentMb(child.pid).then((mb) => {
      if (mb !== null && mb > memoryMb) stop(overMemory());
    });
  }, MEMORY_POLL_MS);
  const onAbort = () => stop(null);
  opts.signal?.addEventListener("abort", onAbort, { once: true });

  // No answer is known only when the IPC channel closes, not at exit: a busy worker may see the child's exit
  // before it has read the answer the child sent just before (seen: a monorepo's facts, under CI load).
  const answered = new Promise<Answer<CollectAnswer<T>> | null>((resolve) => {
    child.once("message", (m) => resolve(m as Answer<CollectAnswer<T>>));
    child.once("disconnect", () => resolve(null));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  // The child may die before it has read the body: its stdin then errors, which is the child's failure to report.
  child.stdin?.on("error", () => undefined);
  if (opts.body) {
    const body = Readable.fromWeb(opts.body as import("node:stream/web").ReadableStream<Uint8Array>);
    body.on("error", () => child.stdin?.destroy());
    body.pipe(child.stdin!);
    void exited.then(() => body.destroy());
  } else child.stdin?.end();
  child.send(opts.task);

  try {
    const answer = await answered;
    const { code, signal } = await exited;
    if (bound) throw bound;
    if (opts.signal?.aborted) throw new DozenError("worker stopping; target released for retry");
    if (answer?.ok) return answer.result;
    if (answer) throw answer.setting ? new TargetLimitError(answer.reason, { setting: answer.setting }) : new DozenError(answer.reason);
    // V8 reached the heap cap before the resident-memory poll saw it: the same bound.
    if (signal === "SIGABRT" || code === 134 || /heap out of memory|Reached heap limit/.test(stderr)) throw overMemory();
    throw new DozenError(`the collecting process exited without an answer (${signal ?? `code ${code}`})`);
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    opts.signal?.removeEventListener("abort", onAbort);
  }
}

/** A process's resident memory in MB from /proc (Linux); null where there is none or it is gone. */
async function residentMb(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kb = status?.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
  return kb ? Number(kb) / 1024 : null;
}
