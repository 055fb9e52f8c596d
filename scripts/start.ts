// npm start – everything on one machine: embedded PostgreSQL (unless DATABASE_URL is set), a build if
// none exists, migrations as a separate admin step, the demo fleet on an empty database, then the web and
// worker process types as separate processes. A crashed worker is restarted with back-off; the web exiting,
// or SIGTERM/SIGINT, stops them all, database last.
import path from "node:path";
import { env, childEnv } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/ops/start-embedded-postgres";
import { runChild } from "@/lib/ops/run-child";
import { restartOnCrash, type KeptProcess } from "@/lib/ops/restart-on-crash";
import { nodeBin, ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { nextBuildExists } from "@/lib/ops/next-build-exists";
import { refuseExposedWithoutSignIn } from "@/lib/ops/refuse-exposed-without-sign-in";
import { redactUrl } from "@/lib/text/redact-url";
import { WEB_NODE_FLAGS, WORKER_NODE_FLAGS } from "@/lib/ops/node-flags";

const log = createLogger({ process: "start" });
const config = env();
// Before the database starts: the web would refuse anyway, after a minute of build and migrations.
const exposed = refuseExposedWithoutSignIn({ host: config.HOST, signIn: Boolean(config.DOZEN_OIDC_ISSUER) });
if (exposed) {
  log.fatal(exposed);
  process.exit(1);
}
let embedded: EmbeddedPostgresHandle | undefined;
let children: KeptProcess[] = [];
let stopping = false;

async function step(name: string, args: string[], extraEnv: Record<string, string>): Promise<void> {
  const child = runChild({ name, command: process.execPath, args, env: childEnv(extraEnv), cwd: ROOT, log });
  children.push(child);
  const code = await child.exited;
  children = children.filter((c) => c !== child);
  if (stopping) throw new Error("stopped");
  if (code !== 0) throw new Error(`${name} exited with code ${code}`);
}

async function main(): Promise<void> {
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.DOZEN_DATA_DIR, "pg"),
      port: config.DOZEN_EMBEDDED_PG_PORT,
      onLog: (line) => log.debug({ postgres: line }),
    });
    url = embedded.url;
    for (const note of embedded.notes) log.info({ dataDir: embedded.dataDir }, `embedded PostgreSQL: ${note}`);
    log.info({ dataDir: embedded.dataDir, url: redactUrl(url) }, "embedded PostgreSQL running");
  } else {
    log.info({ url: redactUrl(url) }, "using DATABASE_URL");
  }
  // Local mode (the embedded database, a laptop): local sources may lie in the repository's examples/, where
  // the demo fleet is. Anywhere else, and in any deployment, only below what DOZEN_LOCAL_ROOTS names.
  const localMode: Record<string, string> = embedded && !config.DOZEN_LOCAL_ROOTS ? { DOZEN_LOCAL_ROOTS: path.join(ROOT, "examples") } : {};
  const dbEnv = { DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", ...localMode };
  if (!nextBuildExists()) {
    log.info("no production build yet: running next build (about a minute, once)");
    await step("build", [nodeBin("next/dist/bin/next"), "build"], dbEnv);
  }
  await step("migrate", tsxArgs("scripts/migrate.ts"), dbEnv);
  await step("seed", tsxArgs("scripts/seed-demo.ts"), dbEnv);
  children = [
    runChild({
      name: "web",
      command: process.execPath,
      args: [...WEB_NODE_FLAGS, ...tsxArgs("scripts/web.ts")],
      env: childEnv(dbEnv),
      cwd: ROOT,
      log,
    }),
    // A worker that dies (out of memory, killed) is started again with back-off; its jobs are retried once
    // their heartbeat is stale. Only the web process exiting, or a signal, stops everything.
    restartOnCrash({
      name: "worker",
      log,
      start: () =>
        runChild({
          name: "worker",
          command: process.execPath,
          args: [...WORKER_NODE_FLAGS, ...tsxArgs("workers/main.ts")],
          env: childEnv(dbEnv),
          cwd: ROOT,
          log,
        }),
    }),
  ];
  log.info(
    { url: `http://localhost:${config.PORT}`, mode: config.DOZEN_OIDC_ISSUER ? "sign-in" : "local (127.0.0.1 only)" },
    "Dozen is starting: open the dashboard at this address",
  );
  const first = await Promise.race(children.map((c) => c.exited.then((code) => ({ c, code }))));
  if (!stopping) {
    log.error({ process: first.c.name, code: first.code }, "a process exited; stopping the others");
    await shutdown(1);
  }
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const deadline = setTimeout(() => {
    log.error("processes did not stop in time; killing them");
    for (const c of children) c.stop("SIGKILL");
  }, config.DOZEN_SHUTDOWN_TIMEOUT_MS);
  for (const c of children) c.stop("SIGTERM");
  await Promise.all(children.map((c) => c.exited));
  clearTimeout(deadline);
  // The database goes last, so nothing is half-written by a process that lost its connection.
  await embedded?.stop();
  log.info("Dozen stopped");
  process.exit(code);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(0));

main().catch(async (err) => {
  if (!stopping) log.fatal({ err }, "Dozen failed to start");
  await shutdown(1);
});
