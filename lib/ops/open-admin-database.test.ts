import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { runTokensCommand } from "@/lib/cli/run-tokens-command";
import { createLogger } from "@/lib/log/logger";
import { openAdminDatabase } from "@/lib/ops/open-admin-database";
import { startEmbeddedPostgres } from "@/lib/ops/start-embedded-postgres";

// `dozen tokens` with DATABASE_URL unset reaches the embedded database `npm start` uses: started (and
// migrated) for the command when nothing runs it, as it is when `npm start` or `npm run db` does.
const root = await mkdtemp(path.join(tmpdir(), "dozen-admin-db-"));
const dataDir = path.join(root, ".dozen", "pg");
const port = 56000 + (process.pid % 3000);
const log = createLogger({ process: "test", destination: new Writable({ write: (_c, _e, done) => done() }) });
after(async () => rm(root, { recursive: true, force: true }));

async function tokens(args: string[]) {
  const out: string[] = [];
  let started = false;
  const code = await runTokensCommand({
    args,
    createdBy: "test",
    output: { out: (t) => void out.push(t), err: () => undefined },
    openDatabase: async () => {
      const opened = await openAdminDatabase({ dataDir, port, log });
      started = opened.startedEmbedded;
      return opened;
    },
  });
  return { code, out: out.join("\n"), started };
}

test("dozen tokens starts, migrates and stops the embedded database when nothing runs it, and uses it when running", async () => {
  const made = await tokens(["create", "--name", "first admin", "--role", "admin"]);
  assert.deepEqual([made.code, made.started], [0, true]);
  assert.match(made.out, /^dzn_/);

  const again = await tokens(["list"]);
  assert.deepEqual([again.code, again.started], [0, true], "stopped after the first command, started again");
  assert.match(again.out, /\tadmin\tfirst admin\tactive\t/);

  // As `npm run db` (or `npm start`) runs it: the command uses that server and leaves it running.
  const running = await startEmbeddedPostgres({ dataDir, port });
  try {
    const listed = await tokens(["list"]);
    assert.deepEqual([listed.code, listed.started], [0, false]);
    assert.match(listed.out, /first admin/);
    assert.equal((await tokens(["list"])).code, 0, "the server is still up after the command");
  } finally {
    await running.stop();
  }
});
