import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "@/lib/db";
import { appendUnmatchedWorkloads } from "@/lib/persistence/scan-run/append-unmatched-workloads";
import type { UnmatchedDeclaration } from "@/lib/pipeline/types";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

const redis: UnmatchedDeclaration = { descriptor: "compose", kind: "ComposeService", name: "redis", path: "docker-compose.yml", line: 12 };
const ghost: UnmatchedDeclaration = {
  descriptor: "kubernetes",
  kind: "Deployment",
  name: "ghost",
  path: "acme/shop/k8s/ghost.yaml",
  line: 1,
};
const base: UnmatchedDeclaration = {
  descriptor: "kustomize",
  kind: "Deployment",
  name: "cache",
  path: "acme/web/base/cache.yaml",
  line: 1,
};

async function newScan(): Promise<number> {
  const source = await db().source.create({ data: { name: `s-${Math.random()}`, kind: "github", location: "acme" }, select: { id: true } });
  const scan = await db().scan.create({ data: { sourceId: source.id, trigger: "manual", rulesVersion: "v" }, select: { id: true } });
  return scan.id;
}

const stored = async (scanId: number) =>
  (await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { unmatched: true } })).unmatched;

test("a scan starts with no unmatched workloads; a local scan's are stored as given", async () => {
  const scanId = await newScan();
  assert.deepEqual(await stored(scanId), []);
  await appendUnmatchedWorkloads({ scanId, workloads: [redis] });
  assert.deepEqual(await stored(scanId), [redis]);
  // A retried scan records its findings again: replaced, not listed twice.
  await appendUnmatchedWorkloads({ scanId, workloads: [redis] });
  assert.deepEqual(await stored(scanId), [redis]);
});

test("a fanned-out scan appends per repository, side by side; a retried repository replaces only its own", async () => {
  const scanId = await newScan();
  await Promise.all([
    appendUnmatchedWorkloads({ scanId, repository: "acme/shop", workloads: [ghost] }),
    // Two overlays render one base object: listed once.
    appendUnmatchedWorkloads({ scanId, repository: "acme/web", workloads: [base, base] }),
    appendUnmatchedWorkloads({ scanId, repository: "acme/empty", workloads: [] }),
  ]);
  const sorted = (list: unknown) => [...(list as UnmatchedDeclaration[])].sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(sorted(await stored(scanId)), [
    { ...base, repository: "acme/web" },
    { ...ghost, repository: "acme/shop" },
  ]);
  await appendUnmatchedWorkloads({ scanId, repository: "acme/shop", workloads: [] });
  assert.deepEqual(await stored(scanId), [{ ...base, repository: "acme/web" }]);
});
