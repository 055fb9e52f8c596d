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

/** Runs a collect task in this process (the child's side of collectInChild); `body` is the tarball's for a tarball task. */
export async function runCollectTask(opts: { task: CollectTask; body?: Readable }): Promise<CollectTaskResult> {
  const { task } = opts;
  if (task.kind === "local") return collectLocalSource({ root: task.root });
  if (!opts.body) throw new Error("a tarball task needs its body");
  return collectTarball({ body: opts.body, fullName: task.fullName, sha: task.sha, branch: task.branch });
}
