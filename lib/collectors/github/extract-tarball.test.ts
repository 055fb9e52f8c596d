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
});
