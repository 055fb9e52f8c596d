import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Test helper: writes `files` (POSIX paths → content) into a fresh directory under the OS temp dir and
 * returns its path. Collector tests build their trees with it instead of committing fixture trees, so
 * each test shows the exact layout it relies on.
 */
export async function writeTestTree(opts: { files: Record<string, string | Buffer> }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "dozen-collect-"));
  for (const [path, content] of Object.entries(opts.files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}
