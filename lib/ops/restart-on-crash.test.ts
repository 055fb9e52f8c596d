import { test } from "node:test";
import assert from "node:assert/strict";
import pino from "pino";
import { childEnv } from "@/lib/env";
import { restartOnCrash } from "@/lib/ops/restart-on-crash";
import { runChild } from "@/lib/ops/run-child";

const log = pino({ level: "silent" });
const node = (name: string, code: string) => () =>
  runChild({ name, command: process.execPath, args: ["-e", code], env: childEnv({}), log });

test("[OPS] a process that crashes is started again, each time a little later, until stopped", async () => {
  const starts: number[] = [];
  const kept = restartOnCrash({
    name: "worker",
    log,
    backoff: { initialMs: 100, maxMs: 400, resetAfterMs: 60_000 },
    start: () => {
      starts.push(Date.now());
      return node("worker", "process.exit(3)")();
    },
  });
  while (starts.length < 5) await new Promise((r) => setTimeout(r, 20));
  kept.stop("SIGTERM");
  await kept.exited;
  const count = starts.length;
  const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
  // 100, 200, 400, 400 ms of back-off, plus the time each node takes to start and exit.
  assert.ok(gaps[0]! >= 100 && gaps[1]! >= 200 && gaps[2]! >= 400 && gaps[3]! >= 400, gaps.join(", "));
  assert.ok(gaps[3]! < gaps[2]! + 2_000, `capped: ${gaps.join(", ")}`);
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(starts.length, count, "not started again once stopped");
});

test("[OPS] stopping a kept process sends it the signal and waits for it; it is not started again", async () => {
  let starts = 0;
  const kept = restartOnCrash({
    name: "worker",
    log,
    start: () => {
      starts += 1;
      return node("worker", "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000)")();
    },
  });
  await new Promise((r) => setTimeout(r, 500));
  kept.stop("SIGTERM");
  assert.equal(await kept.exited, 0);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(starts, 1);
});
