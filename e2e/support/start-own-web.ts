import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { childEnv } from "@/lib/env";
import { nodeBin, ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { adminQuery, databaseUrlFor } from "@/test/support/test-database";
import { freePort } from "@/test/support/free-port";

/**
 * A web process of this build (`next start`, as `npm run web` starts it) on a free port with a database of
 * its own, migrated and filled by `seed` (a script run with tsx, DATABASE_URL set; its stdout is returned):
 * for a spec that needs data the shared e2e server does not have. `stop` ends the web and drops the database.
 */
export async function startOwnWeb(opts: { seed: string }): Promise<{ base: string; seeded: string; stop(): Promise<void> }> {
  const port = await freePort();
  const database = `web_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${database}`);
  const env = childEnv({ DATABASE_URL: databaseUrlFor(database), LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" });
  const drop = () => adminQuery(`drop database if exists ${database} with (force)`);
  const run = async (script: string): Promise<string> => {
    const done = spawnSync(process.execPath, tsxArgs(script), { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (done.status === 0) return done.stdout;
    await drop();
    throw new Error(`${script} exited with ${done.status}: ${done.stderr}`);
  };
  await run("scripts/migrate.ts");
  const seeded = await run(opts.seed);
  const web = spawn(process.execPath, [nodeBin("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env,
  });
  let stderr = "";
  web.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    web.kill("SIGTERM");
    await drop();
  };
  for (let tries = 0; ; tries++) {
    const status = await fetch(`${base}/api/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (tries > 240) {
      await stop();
      throw new Error(`the web did not answer /api/healthz within 120 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { base, seeded, stop };
}
