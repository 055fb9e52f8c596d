import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { buffer } from "node:stream/consumers";
import { createGzip } from "node:zlib";
import { pack } from "tar-stream";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, type BareRepo } from "@/test/github/git-fixtures";
import { startGeneratedOrg } from "@/test/github/generated-org";
import type { StandIn } from "@/test/github/stand-in-server";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";
import { useTestDatabase } from "@/test/support/test-database";

// Bounds tight enough for a test to reach in a second, through the settings an operator would use.
const BOUNDS = {
  DOZEN_TARBALL_MAX_INFLATED_BYTES: String(32 * 1024 * 1024),
  DOZEN_TARBALL_MAX_DIRECTORIES: "1000",
  DOZEN_GITHUB_MAX_PAGES: "30",
};
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let org: Awaited<ReturnType<typeof startGeneratedOrg>>;
let standIn: StandIn;
let bare: Map<string, BareRepo>;
let worker: ReturnType<typeof startWorker>;
let acmeSourceId: number;

/** A gzip tarball of `entries` under GitHub's `<owner>-<repo>-<sha7>/` folder. */
async function archive(entries: { name: string; type?: "file" | "directory"; body?: Buffer }[]): Promise<Buffer> {
  const tar = pack();
  for (const e of entries) {
    const header = { name: `acme-x-0000000/${e.name}`, type: e.type ?? "file" } as const;
    if (e.body) tar.entry({ ...header, size: e.body.length }, e.body);
    else tar.entry(header);
  }
  tar.finalize();
  return buffer(tar.pipe(createGzip()));
}

before(async () => {
  database = await useTestDatabase();
  org = await startGeneratedOrg({ names: ["api", "web", "bomb", "dirs", "lines"] });
  ({ standIn, bare } = org);
  // A gzip bomb: 256 MB of zeros in a 256 KB archive. A directory bomb: 5,000 folders.
  standIn.serveArchive({
    owner: "acme",
    name: "bomb",
    gzip: await archive([{ name: "zeros.bin", body: Buffer.alloc(256 * 1024 * 1024) }]),
  });
  standIn.serveArchive({
    owner: "acme",
    name: "dirs",
    gzip: await archive(Array.from({ length: 5_000 }, (_, i) => ({ name: `d${i}/`, type: "directory" as const }))),
  });
  // Pathological lines, committed for real: the one-line .env (118 s before) and a 23,000-dependency package.json (13 s).
  const dependencies = Object.fromEntries(Array.from({ length: 23_000 }, (_, i) => [`dep-${i}`, `^1.0.${i}`]));
  await commitFiles({
    repo: bare.get("lines")!,
    files: {
      ".env": `${"password=".repeat(50_000)}\n`,
      "package.json": JSON.stringify({ name: "lines", scripts: { start: "node index.js" }, dependencies }, null, 2),
    },
  });
  standIn.addRepo({ owner: "loop", name: "only", bare: bare.get("api")! });
  standIn.listEndlessly({ owner: "loop" });
  worker = startWorker({ databaseUrl: database.url, name: "worker", concurrency: 2, env: BOUNDS });
});
after(async () => {
  worker.stop("SIGTERM");
  await worker.exited;
  await org.close();
  await database.drop();
});

const source = async (name: string, owner: string) =>
  (
    await registerSource({
      kind: "github",
      input: { name, owner, schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } },
    })
  ).id;
const scanOf = async (sourceId: number) =>
  waitForScan({ scanId: (await requestScanThroughBoss({ databaseUrl: database.url, sourceId })).scanId, timeoutMs: 180_000 });

it("[FAULTS] a tar bomb and a directory bomb fail once, naming bound and setting; pathological lines scan in seconds; the others are fine", async () => {
  const sourceId = (acmeSourceId = await source("acme", "acme"));
  const started = Date.now();
  const scan = await scanOf(sourceId);
  const elapsedMs = Date.now() - started;

  assert.equal(scan.status, "partial", JSON.stringify(scan));
  const targets = await db().scanTarget.findMany({ where: { scanId: scan.id }, select: { targetKey: true, status: true, error: true } });
  assert.deepEqual(targets.map((t) => [t.targetKey, t.status, t.error]).sort(), [
    ["acme/api", "succeeded", null],
    [
      "acme/bomb",
      "failed",
      "acme/bomb: repository archive inflates to more than 33554432 bytes (DOZEN_TARBALL_MAX_INFLATED_BYTES): not scanned",
    ],
    ["acme/dirs", "failed", "acme/dirs: repository archive has more than 1000 directories (DOZEN_TARBALL_MAX_DIRECTORIES): not scanned"],
    ["acme/lines", "succeeded", null],
    ["acme/web", "succeeded", null],
  ]);
  // Final, not retried: each bomb was downloaded once.
  for (const name of ["bomb", "dirs"])
    assert.equal(standIn.stats.log.filter((r) => r.path.startsWith(`/repos/acme/${name}/tarball/`)).length, 1, name);
  assert.ok(elapsedMs < 90_000, `${elapsedMs} ms`);

  // The .env's value is redacted before anything is stored: a preview, never the line.
  const [row] = await db().$queryRaw<{ facts: string }[]>`
    SELECT st."facts"::text AS "facts" FROM "ScanTarget" st WHERE st."scanId" = ${scan.id} AND st."targetKey" = 'acme/lines'`;
  assert.ok(row && !row.facts.includes("password=password"), "no raw line stored");
  const facts = JSON.parse(row.facts) as { secretCandidates: { path: string; line: number; preview: string }[] };
  assert.deepEqual(
    facts.secretCandidates.filter((c) => c.path === "acme/lines/.env" || c.path === ".env").map((c) => [c.line, c.preview]),
    [[1, "pass****"]],
  );
  assert.equal(worker.child.exitCode, null, "the worker is still running");
});

it("[FAULTS] a listing that never ends stops at DOZEN_GITHUB_MAX_PAGES and fails its scan with that reason", async () => {
  const sourceId = await source("loop", "loop");
  standIn.resetStats();
  const scan = await scanOf(sourceId);
  assert.equal(scan.status, "failed");
  assert.equal(scan.error, "listing loop's repositories failed: more than 30 pages (DOZEN_GITHUB_MAX_PAGES)");
  assert.equal(standIn.stats.log.filter((r) => r.path === "/orgs/loop/repos").length, 30);
  assert.equal(worker.child.exitCode, null, "the worker is still running");
  // The workers' other source is unaffected: scanned again, every repository accounted for.
  const other = await scanOf(acmeSourceId);
  assert.deepEqual([other.status, other.targetsDone, other.targetsFailed], ["partial", 5, 2]);
});
