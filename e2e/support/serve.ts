// Starts Dozen for the e2e tests: a fresh database on the test server, then the same start-up as
// `npm start` (migrate, demo fleet, web + worker) with DATABASE_URL set, so nothing is embedded twice.
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { childEnv } from "@/lib/env";
import { runChild } from "@/lib/ops/run-child";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { createLogger } from "@/lib/log/logger";
import { databaseUrlFor } from "@/test/support/test-database";

const { values } = parseArgs({ options: { port: { type: "string", default: "3123" } } });
const log = createLogger({ process: "e2e-serve" });
const name = `e2e_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: databaseUrlFor("postgres") });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();

const app = runChild({
  name: "dozen",
  command: process.execPath,
  args: tsxArgs("scripts/start.ts"),
  env: childEnv({
    DATABASE_URL: databaseUrlFor(name),
    PORT: values.port,
    DOZEN_DEMO_FLEET: "examples/fleet",
    LOG_LEVEL: "info",
    // What an admin allows (README "Security"): the demo fleet and the checkouts and kubeconfigs the specs
    // write to the temp directory, the variables and the closed local port the GitHub spec names.
    DOZEN_LOCAL_ROOTS: [path.join(ROOT, "examples"), tmpdir()].join(path.delimiter),
    DOZEN_KUBECONFIG_DIR: tmpdir(),
    DOZEN_CREDENTIAL_ENVS: "GITHUB_TOKEN,GITHUB_APP_ID,GITHUB_APP_PRIVATE_KEY,DOZEN_E2E_UNSET_APP_ID,DOZEN_E2E_UNSET_APP_KEY",
    DOZEN_GITHUB_HOSTS: "api.github.com,127.0.0.1:9",
    // Notifications: Slack's host and local receivers; local mode keeps its key in this run's own data dir.
    DOZEN_WEBHOOK_HOSTS: "hooks.slack.com,*.webhook.office.com,127.0.0.1",
    DOZEN_DATA_DIR: path.join(tmpdir(), name),
  }),
  cwd: ROOT,
  log,
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => app.stop("SIGTERM"));
const code = await app.exited;
const cleanup = new pg.Client({ connectionString: databaseUrlFor("postgres") });
await cleanup.connect();
await cleanup.query(`drop database if exists ${name} with (force)`);
await cleanup.end();
process.exit(code);
