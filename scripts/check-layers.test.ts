import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "@/lib/ops/bin-path";

/** Runs the layer check on one module (and what it imports), as `npm test` runs it on the whole tree. */
function checkLayers(probe: { path: string; source: string }): { code: number; output: string } {
  const file = join(ROOT, probe.path);
  writeFileSync(file, probe.source);
  try {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-layers.ts", probe.path], { cwd: ROOT, encoding: "utf8" });
    return { code: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

test("[LAYERS] an upward import fails the layer check with the rule it breaks", () => {
  const facts = checkLayers({
    path: `lib/facts/layer-probe-${process.pid}.ts`,
    source: 'import { db } from "@/lib/db";\nexport const probe = db;\n',
  });
  assert.equal(facts.code, 1, facts.output);
  assert.match(facts.output, new RegExp(`layer-facts: lib/facts/layer-probe-${process.pid}\\.ts → lib/db\\.ts`));

  const collector = checkLayers({
    path: `lib/collectors/layer-probe-${process.pid}.ts`,
    source: 'import { RULES } from "@/lib/rules/registry";\nexport const probe = RULES;\n',
  });
  assert.equal(collector.code, 1, collector.output);
  assert.match(collector.output, /layer-collectors: .* → lib\/rules\/registry\.ts/);
});

test("[LAYERS] two folders of one layer importing each other fail as a folder cycle", () => {
  // persistence already imports rollups (finishScan writes them); rollups importing persistence closes a loop.
  const cycle = checkLayers({
    path: `lib/rollups/layer-probe-${process.pid}.ts`,
    source: 'import { markGoneServices } from "@/lib/persistence/mark-gone-services";\nexport const probe = markGoneServices;\n',
  });
  assert.equal(cycle.code, 1, cycle.output);
  assert.match(cycle.output, /folder-cycle: lib\/persistence ↔ lib\/rollups/);
});

test("[LAYERS] a table with one owner written from elsewhere fails the check", () => {
  const writer = checkLayers({
    path: `lib/persistence/layer-probe-${process.pid}.ts`,
    source: 'import { db } from "@/lib/db";\nexport const probe = () => db().scan.update({ where: { id: 1 }, data: { error: "x" } });\n',
  });
  assert.equal(writer.code, 1, writer.output);
  assert.match(
    writer.output,
    /table-owner: lib\/persistence\/layer-probe-\d+\.ts writes Scan rows, which only lib\/persistence\/scan-run\/ may/,
  );
});
