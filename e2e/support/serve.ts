// Starts Dozen for the e2e tests: a fresh database on the test server, then the same start-up as
// `npm start` (migrate, demo fleet, web + worker) with DATABASE_URL set, so nothing is embedded twice.
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
  env: childEnv({ DATABASE_URL: databaseUrlFor(name), PORT: values.port, DOZEN_DEMO_FLEET: "examples/fleet", LOG_LEVEL: "info" }),
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
