import { TargetLimitError, describeError } from "@/lib/errors";
import { runCollectTask, type CollectTask } from "@/lib/pipeline/run-collect-task";

/**
 * The child process of one target's collection (lib/pipeline/collect-in-child.ts starts it): reads one task
 * from its IPC channel (a tarball's body on stdin), collects, answers with the facts or a fixed-wording
 * reason, and exits. Its worker bounds its wall time and memory; it dies with its worker's channel.
 */
process.on("disconnect", () => process.exit(1));
process.once("message", (message) => {
  const task = message as CollectTask;
  runCollectTask({ task, body: task.kind === "tarball" ? process.stdin : undefined })
    .then((result) => ({ ok: true as const, result }))
    // Never the error's own message: only describeError's fixed wording crosses back.
    // A bound hit inside the collection (an archive's entries, bytes) stays a TargetLimitError: final, not retried.
    .catch((error: unknown) => ({
      ok: false as const,
      reason: describeError(error),
      ...(error instanceof TargetLimitError ? { setting: error.setting } : {}),
    }))
    .then((answer) => process.send?.(answer, () => process.exit(0)));
});
