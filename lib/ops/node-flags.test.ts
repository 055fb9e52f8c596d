import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ROOT } from "@/lib/ops/bin-path";
import { WEB_NODE_FLAGS, WORKER_NODE_FLAGS } from "@/lib/ops/node-flags";

test("`npm run worker` and `npm run web` run node with their flags, as npm start, the image and the benches do", () => {
  const { scripts } = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as { scripts: Record<string, string> };
  assert.equal(scripts.worker, `exec node ${WORKER_NODE_FLAGS.join(" ")} --import tsx workers/main.ts`);
  assert.equal(scripts.web, `exec node ${WEB_NODE_FLAGS.join(" ")} --import tsx scripts/web.ts`);
  const image = readFileSync(`${ROOT}/bin/dozen-process`, "utf8");
  for (const command of [scripts.worker, scripts.web]) assert.ok(image.includes(command!), `bin/dozen-process runs ${command}`);
  // bench:dashboard times the web's page loaders, so it runs them under the web's flags.
  assert.equal(scripts["bench:dashboard"], `exec node ${WEB_NODE_FLAGS.join(" ")} --import tsx bench/dashboard.ts`);
});
