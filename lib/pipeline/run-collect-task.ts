import type { Readable } from "node:stream";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { collectTarball, type CollectedRepository } from "@/lib/collectors/github/collect-tarball";

/** One target's collection, as a worker hands it to the child process that runs it (plain JSON). */
export type CollectTask =
  | { kind: "local"; root: string }
  /** A repository's tarball, whose body arrives on the child's stdin. */
  | { kind: "tarball"; fullName: string; sha: string; branch: string };

/** What a collection gives back: facts are plain serialisable data, so they cross the process boundary as they are. */
export type CollectTaskResult = Omit<CollectedRepository, "skipped"> & { skipped?: CollectedRepository["skipped"] };

/** From the worker to its collecting child: a task, then (a tarball task) its body's chunks as asked for. */
export type ParentMessage = { type: "task"; task: CollectTask } | { type: "chunk"; data: Uint8Array } | { type: "end"; failed?: boolean };

/** From the child: "more" of the body, then the answer (a fixed-wording reason when it failed). */
export type ChildMessage =
  { type: "more" } | ({ type: "answer" } & ({ ok: true; result: CollectTaskResult } | { ok: false; reason: string; setting?: string }));

/** Runs a collect task in this process (the child's side of collectInChild); `body` is the tarball's for a tarball task. */
export async function runCollectTask(opts: { task: CollectTask; body?: Readable }): Promise<CollectTaskResult> {
  const { task } = opts;
  if (task.kind === "local") return collectLocalSource({ root: task.root });
  if (!opts.body) throw new Error("a tarball task needs its body");
  return collectTarball({ body: opts.body, fullName: task.fullName, sha: task.sha, branch: task.branch });
}
