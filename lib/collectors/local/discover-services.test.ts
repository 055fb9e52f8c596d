import assert from "node:assert/strict";
import { mkdir, rm, symlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { after, describe, it } from "node:test";
import { NotFoundError } from "@/lib/errors";
import { discoverServices } from "@/lib/collectors/local/discover-services";
import { writeTestTree } from "@/test/support/write-test-tree";

const roots: string[] = [];
after(async () => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));
const tree = async (files: Record<string, string>) => {
  const root = await writeTestTree({ files });
  roots.push(root);
  return root;
};

describe("discoverServices", () => {
  it("finds services in a fleet: monorepo, descriptors, manifests-only, with names and owners", async () => {
    const root = await tree({
      ".github/CODEOWNERS": "*  @acme/platform\n/shop/services/cart/  @acme/cart\n",
      "shop/package.json": '{ "workspaces": ["services/*", "packages/*"] }',
      "shop/package-lock.json": "{}",
      "shop/services/cart/Dockerfile": "FROM node:20\n",
      "shop/services/cart/package.json": "{}",
      "shop/services/search/Dockerfile": "FROM node:20\n",
      "shop/services/search/catalog-info.yaml":
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: product-search\nspec:\n  owner: team-search\n",
      // A shared library in the monorepo is not a deployable service.
      "shop/packages/ui/package.json": "{}",
      "payments/Dockerfile": "FROM golang:1.22\n",
      "payments/go.mod": "module payments\n",
      "payments/CODEOWNERS": "* @acme/payments\n",
      // Below a Dockerfile there are no more services, and tests are never services.
      "payments/tools/Dockerfile": "FROM alpine\n",
      "payments/test/Dockerfile": "FROM alpine\n",
      "worker/requirements.txt": "celery==5.3\n",
      "tools/exporter/dozen.yaml": 'name: metrics-exporter\nowner: "@acme/sre"\n',
      "tools/exporter/main.py": "print()\n",
      "node_modules/left-pad/Dockerfile": "FROM scratch\n",
      ".cache/thing/Dockerfile": "FROM scratch\n",
      "vendor/lib/Dockerfile": "FROM scratch\n",
      "a/b/c/d/e/f/g/Dockerfile": "FROM scratch\n",
      "a/b/c/d/e/f/Dockerfile": "FROM scratch\n",
      "docs/guide.md": "# hi\n",
    });
    // A symlinked directory is never followed (it would list payments twice).
    await symlink(join(root, "payments"), join(root, "payments-link"));
    assert.deepEqual(await discoverServices({ root }), [
      { name: "f", path: "a/b/c/d/e/f", owners: ["@acme/platform"], ownerFrom: "CODEOWNERS" },
      { name: "payments", path: "payments", owners: ["@acme/platform", "@acme/payments"], ownerFrom: "CODEOWNERS" },
      { name: "cart", path: "shop/services/cart", owners: ["@acme/cart"], ownerFrom: "CODEOWNERS" },
      { name: "product-search", path: "shop/services/search", owners: ["team-search", "@acme/platform"], ownerFrom: "catalog-info.yaml" },
      { name: "metrics-exporter", path: "tools/exporter", owners: ["@acme/platform", "@acme/sre"], ownerFrom: "CODEOWNERS" },
      { name: "worker", path: "worker", owners: ["@acme/platform"], ownerFrom: "CODEOWNERS" },
    ]);
  });

  it("a single service at the root is the one service, named after the directory", async () => {
    const root = await tree({ Dockerfile: "FROM node:20\n", "package.json": "{}", "src/index.js": "", "scripts/requirements.txt": "x\n" });
    assert.deepEqual(await discoverServices({ root }), [{ name: basename(root), path: ".", owners: [] }]);
  });

  it("a root with a descriptor takes its name from it", async () => {
    const root = await tree({
      "catalog-info.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ledger}\nspec: {owner: finance}\n",
    });
    assert.deepEqual(await discoverServices({ root }), [
      { name: "ledger", path: ".", owners: ["finance"], ownerFrom: "catalog-info.yaml" },
    ]);
  });

  it("a Dockerfile in a build folder belongs to its parent service", async () => {
    const root = await tree({
      "worker/requirements.txt": "celery\n",
      "worker/docker/Dockerfile": "FROM python\n",
      "api/go.mod": "module api\n",
    });
    assert.deepEqual(
      (await discoverServices({ root })).map((s) => s.path),
      ["api", "worker"],
    );
  });

  it("a Backstage System is not a service marker", async () => {
    const root = await tree({
      "catalog-info.yaml": "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: shop}\n",
      "README.md": "",
    });
    assert.deepEqual(await discoverServices({ root }), []);
  });

  it("a workspace root without a Dockerfile yields its Dockerfile services", async () => {
    const root = await tree({
      "package.json": "{}",
      "apps/web/Dockerfile": "FROM node\n",
      "apps/web/package.json": "{}",
      "apps/api/Dockerfile": "FROM node\n",
      "apps/api/server.js": "",
    });
    assert.deepEqual(
      (await discoverServices({ root })).map((s) => s.path),
      ["apps/api", "apps/web"],
    );
  });

  it("a missing root is a NotFoundError; an empty one has no services", async () => {
    const root = await tree({});
    await mkdir(join(root, "empty"));
    await assert.rejects(discoverServices({ root: join(root, "nope") }), NotFoundError);
    assert.deepEqual(await discoverServices({ root: join(root, "empty") }), []);
  });
});
