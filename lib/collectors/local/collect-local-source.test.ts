import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { writeTestTree } from "@/test/support/write-test-tree";

const FLEET = fileURLToPath(new URL("../../../examples/fleet", import.meta.url));
const roots: string[] = [];
after(async () => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

describe("collectLocalSource", () => {
  it("one service over the file-count limit fails alone; the others are collected", async () => {
    const dump = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`data-dump/rows/${i}.csv`, "1,2\n"]));
    const root = await writeTestTree({
      files: {
        "api/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
        "api/server.js": "",
        "data-dump/Dockerfile": 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
        "data-dump/main.py": "print(1)\n",
        ...dump,
        "worker/Dockerfile": 'FROM python:3.12\nCOPY . /app\nCMD ["celery", "worker"]\n',
        "worker/app.py": "import celery\n",
        "worker/requirements.txt": "celery\n",
        "worker/k8s/bad.yaml": "kind: [\n",
      },
    });
    roots.push(root);
    const { targets } = await collectLocalSource({ root, limits: { abortFileCount: 20 } });
    assert.deepEqual(
      targets.map((t) => [t.key, t.name, "error" in t ? t.error : "ok"]),
      [
        ["api", "api", "ok"],
        [
          "data-dump",
          "data-dump",
          "more than 20 files under data-dump: not collected (raise limits.abortFileCount if this is really one service)",
        ],
        ["worker", "worker", "ok"],
      ],
    );
    const worker = targets[2];
    // Bad content inside a service is a skipped entry, never a target error.
    assert.ok(worker && "facts" in worker && worker.facts.skipped.some((s) => s.path === "worker/k8s/bad.yaml"));
  });

  it("rejects a source directory that does not exist", async () => {
    await assert.rejects(collectLocalSource({ root: "/nonexistent/dozen-source" }), /source directory not found/);
  });

  // The demo fleet is the product's showcase: every service must be found and collected cleanly.
  it("collects the demo fleet in examples/fleet", { skip: !existsSync(FLEET) && "examples/fleet not present" }, async () => {
    const { targets } = await collectLocalSource({ root: FLEET });
    assert.ok(targets.length >= 12, `only ${targets.length} services`);
    assert.deepEqual(
      targets.filter((t) => "error" in t),
      [],
    );
    assert.equal(targets.filter((t) => t.path.startsWith("shop-monorepo/services/")).length, 3);
    for (const t of targets) {
      assert.ok("facts" in t && t.facts.service.languages.length > 0, `${t.key} has no language`);
      // The fleet's deliberately committed fake secrets (see its README) must all be redacted.
      const json = JSON.stringify(t);
      for (const value of ["hunter2", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "EXAMPLEEXAMPLE", "fakefake", "keyboard-cat"]) {
        assert.ok(!json.includes(value), `${t.key} leaks ${value}`);
      }
    }
  });
});
