import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, test } from "node:test";
import { startHeartbeat } from "@/workers/start-heartbeat";

const dir = mkdtempSync(path.join(tmpdir(), "dozen-heartbeat-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the heartbeat file is written at once, rewritten while the worker runs, and removed on stop", async () => {
  const file = path.join(dir, "worker-heartbeat");
  const heartbeat = await startHeartbeat({ file, intervalMs: 40 });
  assert.ok(existsSync(file), "written before startHeartbeat returns");
  const first = statSync(file).mtimeMs;
  await sleep(150);
  assert.ok(statSync(file).mtimeMs > first, "rewritten on the interval");
  await heartbeat.stop();
  assert.equal(existsSync(file), false, "removed on stop: a probe reads not-ready while the worker drains");
  // No temporary file is left beside it.
  assert.deepEqual(readdirSync(dir), []);
});
