import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnv } from "@/lib/env";
import { ROOT } from "@/lib/ops/bin-path";

// `npm start` exactly as a user runs it, with no DATABASE_URL: an embedded PostgreSQL in its own data
// directory (as root here, so it must drop to the postgres user), then SIGTERM to npm itself.
test("[OPS] npm start runs on an embedded PostgreSQL and SIGTERM stops everything within 10 s", async ({ request }) => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), "dozen-lifecycle-"));
  // mkdtemp makes a 0700 directory; the postgres user PostgreSQL runs as (we are root) must enter it.
  await chmod(dataDir, 0o755);
  const port = 3200 + (process.pid % 500);
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    env: childEnv({
      DATABASE_URL: "",
      DOZEN_DATA_DIR: dataDir,
      DOZEN_EMBEDDED_PG_PORT: String(56000 + (process.pid % 1000)),
      PORT: String(port),
      DOZEN_DEMO_FLEET: "off",
      LOG_LEVEL: "info",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
  try {
    await expect
      .poll(async () => (await request.get(`http://127.0.0.1:${port}/api/readyz`).catch(() => null))?.status() ?? 0, {
        timeout: 120_000,
        intervals: [1_000],
      })
      .toBe(200);
    // Every line Dozen writes on stdout is a JSON log line (npm's own "> dozen start" banner aside),
    // and the embedded database said where it lives.
    const lines = output.split("\n").filter((l) => l.trim() && !l.startsWith(">"));
    expect(lines.filter((l) => !l.startsWith("{"))).toEqual([]);
    expect(output).toContain(path.join(dataDir, "pg"));

    const stoppedAt = Date.now();
    npm.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    // Nothing is left answering on the port.
    await expect(request.get(`http://127.0.0.1:${port}/api/healthz`, { timeout: 2_000 })).rejects.toThrow();
    expect(output).toContain('"msg":"Dozen stopped"');
  } finally {
    npm.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  }
});
