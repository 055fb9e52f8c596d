import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { lstat, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { createGzip } from "node:zlib";
import { pack } from "tar-stream";
import { extractTarball } from "@/lib/collectors/github/extract-tarball";

async function tarball(
  entries: { name: string; type?: "file" | "symlink" | "link" | "directory"; text?: string; linkname?: string }[],
): Promise<Buffer> {
  const archive = pack();
  for (const e of entries) archive.entry({ name: e.name, type: e.type ?? "file", linkname: e.linkname }, e.text ?? "");
  archive.finalize();
  return buffer(archive.pipe(createGzip()));
}

describe("extractTarball", () => {
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), "dozen-extract-test-"));
    dirs.push(dir);
    return dir;
  };
  after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("strips GitHub's top folder, writes regular files only, never creates links or leaves the directory", async () => {
    const dir = await fresh();
    const body = Readable.from(
      await tarball([
        { name: "acme-api-abc1234/", type: "directory" },
        { name: "acme-api-abc1234/src/main.js", text: "listen(process.env.PORT)\n" },
        { name: "acme-api-abc1234/secrets", type: "symlink", linkname: "/etc/passwd" },
        { name: "acme-api-abc1234/hard", type: "link", linkname: "acme-api-abc1234/src/main.js" },
        { name: "acme-api-abc1234/../../escape.txt", text: "outside" },
        { name: "acme-api-abc1234/big.bin", text: "x".repeat(2000) },
      ]),
    );
    const result = await extractTarball({ body, dir, limits: { maxFileBytes: 1000 } });
    assert.equal(await readFile(join(dir, "src/main.js"), "utf8"), "listen(process.env.PORT)\n");
    assert.deepEqual((await readdir(dir)).sort(), ["src"]);
    assert.equal((await lstat(join(dir, "src/main.js"))).isFile(), true);
    assert.ok(!existsSync(join(dir, "..", "escape.txt")) && !existsSync(join(dir, "../..", "escape.txt")));
    assert.deepEqual(result.skipped.map((s) => s.path).sort(), ["big.bin", "hard", "secrets"]);
  });

  it("refuses a repository over the file-count or archive-size limit", async () => {
    const many = await tarball(Array.from({ length: 5 }, (_, i) => ({ name: `top/f${i}.txt`, text: "x" })));
    await assert.rejects(extractTarball({ body: Readable.from(many), dir: await fresh(), limits: { maxFiles: 3 } }), /more than 3 files/);
    await assert.rejects(
      extractTarball({ body: Readable.from(many), dir: await fresh(), limits: { maxArchiveBytes: 10 } }),
      /larger than 10 bytes/,
    );
  });

  it("a directory bomb, an entry flood and a gzip bomb fail with the bound and its setting, no path", async () => {
    const dirsOnly = await tarball(Array.from({ length: 50 }, (_, i) => ({ name: `top/d${i}/`, type: "directory" as const })));
    await assert.rejects(extractTarball({ body: Readable.from(dirsOnly), dir: await fresh(), limits: { maxDirectories: 20 } }), {
      name: "TargetLimitError",
      message: "repository archive has more than 20 directories (DOZEN_TARBALL_MAX_DIRECTORIES): not scanned",
    });
    await assert.rejects(extractTarball({ body: Readable.from(dirsOnly), dir: await fresh(), limits: { maxEntries: 30 } }), {
      message: "repository archive has more than 30 entries (DOZEN_TARBALL_MAX_ENTRIES): not scanned",
    });
    // 64 MB of zeros is a ~64 KB archive: the file itself is too large to keep, but inflating it is the cost.
    const archive = pack();
    archive.entry({ name: "top/zeros.bin", size: 64 * 1024 * 1024 }, Buffer.alloc(64 * 1024 * 1024));
    archive.finalize();
    const bomb = await buffer(archive.pipe(createGzip()));
    assert.ok(bomb.length < 1024 * 1024);
    await assert.rejects(extractTarball({ body: Readable.from(bomb), dir: await fresh(), limits: { maxInflatedBytes: 8 * 1024 * 1024 } }), {
      message: "repository archive inflates to more than 8388608 bytes (DOZEN_TARBALL_MAX_INFLATED_BYTES): not scanned",
    });
  });

  it("an archive that stops sending fails at DOZEN_TARBALL_TIMEOUT_MS", async () => {
    const stalled = new Readable({ read() {} });
    await assert.rejects(extractTarball({ body: stalled, dir: await fresh(), limits: { timeoutMs: 300 } }), {
      message: "repository archive took longer than 300 ms to extract (DOZEN_TARBALL_TIMEOUT_MS): not scanned",
    });
  });

  it("a duplicate entry, or a file and a folder of one name, keeps the first and skips the other", async () => {
    const dir = await fresh();
    const body = Readable.from(
      await tarball([
        { name: "top/app.js", text: "first\n" },
        { name: "top/app.js", text: "second\n" },
        { name: "top/lib", text: "a file\n" },
        { name: "top/lib/", type: "directory" },
        { name: "top/lib/x.js", text: "under a file\n" },
        { name: "top/src/", type: "directory" },
        { name: "top/src", text: "a file where a folder is\n" },
      ]),
    );
    const result = await extractTarball({ body, dir });
    assert.equal(await readFile(join(dir, "app.js"), "utf8"), "first\n");
    assert.equal(await readFile(join(dir, "lib"), "utf8"), "a file\n");
    assert.deepEqual(result.skipped, [
      { path: "app.js", reason: "duplicate entry (the first one is kept)" },
      { path: "lib", reason: "not a directory here (a file has this path)" },
      { path: "lib/x.js", reason: "not a file here (a folder has this path)" },
      { path: "src", reason: "not a file here (a folder has this path)" },
    ]);
  });
});
