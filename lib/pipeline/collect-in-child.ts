import { fork, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { collectorEnv, env } from "@/lib/env";
import { DozenError, TargetLimitError } from "@/lib/errors";
import type { CollectTask, CollectTaskResult, ParentMessage, ChildMessage } from "@/lib/pipeline/run-collect-task";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRY = path.join(ROOT, "workers/collect-target.ts");
// How often the child's resident memory is read: often enough to stop it within a few hundred MB of the cap.
const MEMORY_POLL_MS = 200;
// Idle children kept warm (loaded modules, compiled code): starting one costs about a second of CPU per target.
const IDLE_MAX = 4;

/** Warm children waiting for their next target, by heap cap; each dies with its worker (its IPC channel). */
const idle = new Map<number, ChildProcess[]>();
const stderrOf = new WeakMap<ChildProcess, { text: string }>();

/**
 * Collects one target in a child process, so that nothing a target holds (a tarball bomb, a pathological
 * file, an endless parse) can block the worker's event loop (its jobs' heartbeats) or take the worker's
 * memory. The child is killed past DOZEN_TARGET_TIMEOUT_MS of wall time or DOZEN_TARGET_MEMORY_MB of resident
 * memory (its V8 heap is capped at the same), and the target fails with a TargetLimitError naming the bound
 * and its setting. Children run without the database URL or any credential (collectorEnv) and are reused
 * while they stay small. A tarball task's `body` is passed on chunk by chunk as the child asks for it (so a
 * slow extraction slows the download instead of filling memory). `signal` (the worker stopping) kills it too.
 */
export async function collectInChild(opts: {
  task: CollectTask;
  body?: ReadableStream<Uint8Array>;
  signal?: AbortSignal;
  limits?: { timeoutMs?: number; memoryMb?: number };
}): Promise<CollectTaskResult> {
  const timeoutMs = opts.limits?.timeoutMs ?? env().DOZEN_TARGET_TIMEOUT_MS;
  const memoryMb = opts.limits?.memoryMb ?? env().DOZEN_TARGET_MEMORY_MB;
  const child = takeChild(memoryMb);
  const reader = opts.body?.getReader();
  let bound: TargetLimitError | null = null;
  const stop = (reason: TargetLimitError | null) => {
    bound ??= reason;
    child.kill("SIGKILL");
  };
  const overMemory = () =>
    new TargetLimitError(`collection used more than ${memoryMb} MB of memory (DOZEN_TARGET_MEMORY_MB)`, {
      setting: "DOZEN_TARGET_MEMORY_MB",
    });
  const timer = setTimeout(
    () =>
      stop(
        new TargetLimitError(`collection took longer than ${timeoutMs} ms (DOZEN_TARGET_TIMEOUT_MS)`, {
          setting: "DOZEN_TARGET_TIMEOUT_MS",
        }),
      ),
    timeoutMs,
  );
  const poll = setInterval(() => {
    void residentMb(child.pid).then((mb) => {
      if (mb !== null && mb > memoryMb) stop(overMemory());
    });
  }, MEMORY_POLL_MS);
  const onAbort = () => stop(null);
  opts.signal?.addEventListener("abort", onAbort, { once: true });

  let onMessage: (m: ChildMessage) => void = () => undefined;
  let onExit: (code: number | null, signal: NodeJS.Signals | null) => void = () => undefined;
  const outcome = new Promise<
    { answer: Extract<ChildMessage, { type: "answer" }> } | { code: number | null; signal: NodeJS.Signals | null }
  >((resolve) => {
    onMessage = (m) => {
      if (m.type === "answer") return resolve({ answer: m });
      // The child asks for the next piece of the body: one at a time, so the download waits for it.
      if (m.type === "more" && reader)
        reader.read().then(
          ({ done, value }) => send(child, done ? { type: "end" } : { type: "chunk", data: value }),
          () => send(child, { type: "end", failed: true }),
        );
    };
    onExit = (code, signal) => resolve({ code, signal });
  });
  child.on("message", onMessage);
  child.once("exit", onExit);
  send(child, { type: "task", task: opts.task });

  try {
    const result = await outcome;
    if (bound) throw bound;
    if (opts.signal?.aborted) throw new DozenError("worker stopping; target released for retry");
    if ("answer" in result) {
      const { answer } = result;
      if (answer.ok) return answer.result;
      throw answer.setting ? new TargetLimitError(answer.reason, { setting: answer.setting }) : new DozenError(answer.reason);
    }
    // V8 reached the heap cap before the resident-memory poll saw it: the same bound.
    const stderr = stderrOf.get(child)?.text ?? "";
    if (result.signal === "SIGABRT" || result.code === 134 || /heap out of memory|Reached heap limit/.test(stderr)) throw overMemory();
    throw new DozenError(`the collecting process exited without an answer (${result.signal ?? `code ${result.code}`})`);
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    opts.signal?.removeEventListener("abort", onAbort);
    child.off("message", onMessage);
    child.off("exit", onExit);
    void reader?.cancel().catch(() => undefined);
    await release(child, memoryMb);
  }
}

/** A warm child for this heap cap, or a new one. */
function takeChild(memoryMb: number): ChildProcess {
  const pool = idle.get(memoryMb) ?? [];
  for (let child = pool.pop(); child; child = pool.pop()) {
    if (child.exitCode !== null || child.signalCode !== null || !child.connected) continue;
    hold(child, true);
    return child;
  }
  const child = fork(ENTRY, [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, "--import", "tsx"],
    env: collectorEnv(),
    cwd: ROOT,
    stdio: ["ignore", "inherit", "pipe", "ipc"],
    serialization: "advanced",
  });
  const stderr = { text: "" };
  stderrOf.set(child, stderr);
  // Kept only to recognise V8's own out-of-memory report; never logged (a stack may quote the target).
  child.stderr?.on("data", (d: Buffer) => (stderr.text = (stderr.text + d.toString()).slice(-4096)));
  return child;
}

/** Back to the pool when it is alive and small (a child that read a huge target may keep its heap), else ended. */
async function release(child: ChildProcess, memoryMb: number): Promise<void> {
  const alive = child.exitCode === null && child.signalCode === null && child.connected;
  const pool = idle.get(memoryMb) ?? [];
  const mb = alive ? await residentMb(child.pid) : null;
  if (!alive || mb === null || mb > memoryMb / 2 || pool.length >= IDLE_MAX) {
    if (alive) child.kill("SIGKILL");
    return;
  }
  hold(child, false);
  pool.push(child);
  idle.set(memoryMb, pool);
}

/** Whether the child (its process, IPC channel and stderr pipe) keeps this process alive: an idle one does not. */
function hold(child: ChildProcess, held: boolean): void {
  const handles = [child, child.channel, child.stderr as (Readable & { ref?(): void; unref?(): void }) | null];
  for (const h of handles) {
    if (held) h?.ref?.();
    else h?.unref?.();
  }
}

function send(child: ChildProcess, message: ParentMessage): void {
  if (child.connected) child.send(message, () => undefined);
}

/** A process's resident memory in MB from /proc (Linux); null where there is none or it is gone. */
async function residentMb(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kb = status?.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
  return kb ? Number(kb) / 1024 : null;
}
