import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { after, describe, it } from "node:test";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { FLEET_ROOT as FLEET, FLEET_SERVICE_COUNT } from "@/test/support/fleet";
import { writeTestTree } from "@/test/support/write-test-tree";

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
        ["data-dump", "data-dump", "more than 20 files under data-dump (DOZEN_SERVICE_MAX_FILES): not collected"],
        ["worker", "worker", "ok"],
      ],
    );
    const worker = targets[2];
    // Bad content inside a service is a skipped entry, never a target error.
    assert.ok(worker && "facts" in worker && worker.facts.skipped.some((s) => s.path === "worker/k8s/bad.yaml"));
  });

  // Two checkouts side by side: the shop's compose runs a `web` service, the other repository has a `web` folder.
  const checkouts = {
    "shop/docker-compose.yml": "services:\n  web:\n    image: acme/web:1.0.0\n  api:\n    build: ./api\n",
    "shop/api/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
    "shop/api/server.js": "require('node:http').createServer().listen(8080);\n",
    "portal/web/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "index.js"]\n',
    "portal/web/index.js": "require('node:http').createServer().listen(8080);\n",
  };

  it("a folder of checkouts is discovered one repository at a time: one's compose never joins another's code", async () => {
    const root = await writeTestTree({ files: { ...checkouts, "dozen.yaml": "layout: repository-per-folder\n" } });
    roots.push(root);
    const { targets, unmatched } = await collectLocalSource({ root });
    const web = targets.find((t) => t.key === "portal/web");
    assert.ok(web && "facts" in web);
    assert.deepEqual(web.facts.deployedBy, [], "the shop's compose service `web` does not deploy the portal's web");
    assert.deepEqual(
      unmatched.map((w) => [w.path, w.name]),
      [["shop/docker-compose.yml", "web"]],
    );
  });

  it("without a layout, the same tree is one repository, and its compose joins the web folder by image name", async () => {
    const root = await writeTestTree({ files: checkouts });
    roots.push(root);
    const { targets } = await collectLocalSource({ root });
    const web = targets.find((t) => t.key === "portal/web");
    assert.ok(web && "facts" in web);
    assert.deepEqual(
      web.facts.deployedBy.map((d) => [d.object, d.link]),
      [["compose service web", "image"]],
    );
  });

  it("rejects a source directory that does not exist", async () => {
    await assert.rejects(collectLocalSource({ root: "/nonexistent/dozen-source" }), /source directory not found/);
  });

  // The demo fleet is the product's showcase: every service must be found and collected cleanly.
  it("collects the demo fleet in examples/fleet", async () => {
    const { targets } = await collectLocalSource({ root: FLEET });
    assert.equal(targets.length, FLEET_SERVICE_COUNT);
    assert.deepEqual(
      targets.filter((t) => "error" in t),
      [],
    );
    assert.equal(targets.filter((t) => t.path.startsWith("shop-monorepo/services/")).length, 3);
    for (const t of targets) {
      assert.ok("facts" in t, t.key);
      // A deploy-only repository's services have no code here; every other service has a language.
      if (t.facts.service.basis !== "deploy-only") assert.ok(t.facts.service.languages.length > 0, `${t.key} has no language`);
      // The fleet's deliberately committed fake secrets (see its README) must all be redacted. AWS's documented
      // example access key ID (AKIAIOSFODNN7EXAMPLE) is not among them: an identifier, allow-listed by secretlint.
      const json = JSON.stringify(t);
      for (const value of ["hunter2", "wJalrXUtnFEMI", "EXAMPLEEXAMPLE", "fakefake", "keyboard-cat"]) {
        assert.ok(!json.includes(value), `${t.key} leaks ${value}`);
      }
    }
  });
});
