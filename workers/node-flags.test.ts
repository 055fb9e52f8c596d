import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ROOT } from "@/lib/ops/bin-path";
import { WORKER_NODE_FLAGS } from "@/workers/node-flags";

test("`npm run worker` runs node with the worker's flags, as npm start and bench:k8s do", () => {
  const { scripts } = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as { scripts: Record<string, string> };
  assert.equal(scripts.worker, `exec node ${WORKER_NODE_FLAGS.join(" ")} --import tsx workers/main.ts`);
});
