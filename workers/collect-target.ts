import { Readable } from "node:stream";
import { TargetLimitError, describeError } from "@/lib/errors";
import { runCollectTask, type ChildMessage, type ParentMessage } from "@/lib/pipeline/run-collect-task";

/**
 * A child process that collects targets for its worker (lib/pipeline/collect-in-child.ts starts it), one at a
 * time: reads a task from its IPC channel (a tarball's body arrives in chunks it asks for), collects, and
 * answers with the facts or a fixed-wording reason. Its worker bounds each target's wall time and memory;
 * it dies with its worker's channel.
 */
let body: Readable | null = null;
const send = (message: ChildMessage) => process.send?.(message);

process.on("disconnect", () => process.exit(1));
process.on("message", (raw) => {
  const message = raw as ParentMessage;
  if (message.type === "chunk") return void body?.push(Buffer.from(message.data));
  if (message.type === "end") return void (message.failed ? body?.destroy(new Error("download failed")) : body?.push(null));
  const { task } = message;
  const own = task.kind === "tarball" ? new Readable({ read: () => send({ type: "more" }) }) : null;
  body = own;
  runCollectTask({ task, body: own ?? undefined })
    .then((result): ChildMessage => ({ type: "answer", ok: true, result }))
    // Never the error's own message: only describeError's fixed wording crosses back. A bound hit inside the
    // collection (an archive's entries, bytes) stays a TargetLimitError: final, not retried.
    .catch((error: unknown): ChildMessage => ({
      type: "answer",
      ok: false,
      reason: describeError(error),
      ...(error instanceof TargetLimitError ? { setting: error.setting } : {}),
    }))
    .then((answer) => {
      if (body === own) body = null;
      own?.destroy();
      send(answer);
    });
});
