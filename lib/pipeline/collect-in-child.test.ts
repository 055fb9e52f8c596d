import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Readable } from "node:stream";
import path from "node:path";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { TargetLimitError } from "@/lib/errors";
import { collectInChild } from "@/lib/pipeline/collect-in-child";
import { FLEET_ROOT } from "@/test/support/fleet";

const PAYMENTS = path.join(FLEET_ROOT, "payments-api");

test("[BOUNDS] a directory collected in a child process gives exactly the facts of one collected in the worker", async () => {
  const [isolated, inProcess] = await Promise.all([
    collectInChild({ task: { kind: "local", root: PAYMENTS } }),
    collectLocalSource({ root: PAYMENTS }),
  ]);
  assert.ok(isolated.targets.length > 0);
  assert.deepEqual(isolated, JSON.parse(JSON.stringify(inProcess)));
});

test("[BOUNDS] a tarball streamed to the child is collected under the repository's name", async () => {
  const tar = execFileSync("tar", ["-czf", "-", "-C", FLEET_ROOT, "--transform", "s,^payments-api,acme-payments-abc1234,", "payments-api"]);
  const body = Readable.toWeb(Readable.from([tar])) as ReadableStream<Uint8Array>;
  const sha = "a".repeat(40);
  const collected = await collectInChild({ task: { kind: "tarball", fullName: "acme/payments", sha, branch: "main" }, body });
  assert.deepEqual(
    collected.targets.map((t) => [t.path, "facts" in t ? t.facts.vcs : t.error]),
    [["acme/payments", { kind: "git", commit: sha, branch: "main" }]],
  );
});

test("[BOUNDS] a collection past its time is stopped, with a reason naming DOZEN_TARGET_TIMEOUT_MS", async () => {
  const started = Date.now();
  await assert.rejects(collectInChild({ task: { kind: "local", root: FLEET_ROOT }, limits: { timeoutMs: 300 } }), (error: unknown) => {
    assert.ok(error instanceof TargetLimitError);
    assert.equal(error.message, "collection took longer than 300 ms (DOZEN_TARGET_TIMEOUT_MS)");
    return true;
  });
  assert.ok(Date.now() - started < 2_000, "stopped at the bound, not when the collection ended");
});

test("[BOUNDS] a collection past its memory is stopped, with a reason naming DOZEN_TARGET_MEMORY_MB", async () => {
  // 64 MB is less than node with its loader needs: the first reading of the child's resident memory is over.
  await assert.rejects(collectInChild({ task: { kind: "local", root: FLEET_ROOT }, limits: { memoryMb: 64 } }), (error: unknown) => {
    assert.ok(error instanceof TargetLimitError);
    assert.equal(error.message, "collection used more than 64 MB of memory (DOZEN_TARGET_MEMORY_MB)");
    return true;
  });
});

test("[BOUNDS] the worker stopping stops the child", async () => {
  const stopping = new AbortController();
  const collecting = collectInChild({ task: { kind: "local", root: FLEET_ROOT }, signal: stopping.signal });
  setTimeout(() => stopping.abort(), 200);
  await assert.rejects(collecting, /worker stopping/);
});
