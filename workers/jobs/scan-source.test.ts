import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { db } from "@/lib/db";
import { childEnv } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { registerSource } from "@/lib/sources/register-source";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { runChild } from "@/lib/ops/run-child";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { scanSourceJob } from "@/workers/jobs/scan-source";
import { useTestDatabase } from "@/test/support/test-database";

// Two services a reader can judge at a glance: one follows the methodology, one breaks it on purpose.
const GOOD = {
  Dockerfile:
    "FROM node:20.11-alpine@sha256:" + "a".repeat(64) + '\nWORKDIR /app\nCOPY . .\nUSER node\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
  "package.json": '{ "name": "good", "version": "1.0.0", "dependencies": { "express": "4.19.2" } }\n',
  "package-lock.json": '{ "name": "good", "lockfileVersion": 3, "packages": {} }\n',
  "server.js":
    'const express = require("express");\nconst app = express();\nconst port = process.env.PORT || 3000;\n' +
    'const server = app.listen(port);\nprocess.on("SIGTERM", () => server.close(() => process.exit(0)));\n',
};
const POOR = {
  Dockerfile: "FROM node:latest\nCOPY . .\nCMD npm install && node server.js\n",
  "package.json": '{ "name": "poor", "dependencies": { "express": "*" } }\n',
  ".env": "DATABASE_URL=postgres://admin:hunter2@db.internal:5432/app\n",
  "server.js":
    'const express = require("express");\nconst app = express();\nconst db = "postgres://admin:hunter2@db.internal:5432/app";\n' +
    'const fs = require("fs");\napp.use((req, res, next) => { fs.appendFileSync("/var/log/app.log", req.url); next(); });\napp.listen(8080);\n',
};

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(root, name), content);
}

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let fleet: string;
const boss = () => createBoss({ role: "web", url: database.url });

before(async () => {
  database = await useTestDatabase();
  fleet = await mkdtemp(path.join(tmpdir(), "dozen-fleet-"));
  await writeTree(path.join(fleet, "good-api"), GOOD);
  await writeTree(path.join(fleet, "poor-api"), POOR);
});

after(async () => {
  await rm(fleet, { recursive: true, force: true });
  await database.drop();
});

async function waitForScan(scanId: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true } });
    if (!["queued", "running"].includes(scan.status) || Date.now() > deadline) return scan.status;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a worker process scans a local source and stores scores, findings with evidence and factor scores", async () => {
  const source = await registerSource({
    kind: "local",
    input: { name: "fixture-fleet", directory: fleet, schedule: null },
    ifExists: "return",
  });
  const sender = boss();
  await sender.start();
  const { scanId } = await requestScan({ boss: sender, sourceId: source.id, trigger: "manual" });
  await sender.stop({ graceful: false, close: true });

  const worker = runChild({
    name: "worker",
    command: process.execPath,
    args: tsxArgs("workers/main.ts"),
    env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn" }),
    cwd: ROOT,
    log: pino({ level: "silent" }),
  });
  try {
    assert.equal(await waitForScan(scanId, 90_000), "succeeded");
  } finally {
    const stoppedAt = Date.now();
    worker.stop("SIGTERM");
    assert.equal(await worker.exited, 0, "worker exits cleanly on SIGTERM");
    assert.ok(Date.now() - stoppedAt < 10_000, "worker stops within 10 s");
  }

  const services = await db().service.findMany({
    select: { name: true, latestScore: true, latestGrade: true, latestTargetId: true },
    orderBy: { name: "asc" },
  });
  assert.deepEqual(
    services.map((s) => s.name),
    ["good-api", "poor-api"],
  );
  const [good, poor] = services;
  assert.ok(good?.latestScore !== null && poor?.latestScore !== null);
  assert.ok(good!.latestScore! > poor!.latestScore!, `good ${good!.latestScore} should beat poor ${poor!.latestScore}`);

  const fails = await db().finding.findMany({
    where: { targetId: poor!.latestTargetId!, outcome: "fail" },
    select: { ruleId: true, evidence: true },
  });
  assert.ok(fails.length >= 3, `the poor service fails several checks (got ${fails.map((f) => f.ruleId)})`);
  for (const f of fails) {
    const [first] = f.evidence as { path: string; lineStart: number }[];
    assert.ok(first && first.path.startsWith("poor-api/") && first.lineStart >= 1, `${f.ruleId} has file evidence`);
  }
  const factorRows = await db().factorScore.count({ where: { targetId: poor!.latestTargetId! } });
  assert.ok(factorRows >= 8, "factor scores are stored per factor");

  // Secrets never reach the database: not in facts, findings or anywhere in the target rows.
  const targets = await db().scanTarget.findMany({ select: { facts: true, findings: { select: { message: true, evidence: true } } } });
  assert.ok(!JSON.stringify(targets).includes("hunter2"), "the committed password is not stored");
});

test("a source that disappears fails its scan with a reason and keeps every earlier score", async () => {
  const source = await db().source.findFirstOrThrow({ select: { id: true } });
  const before = await db().service.findMany({ select: { slug: true, latestScore: true }, orderBy: { slug: "asc" } });
  const sender = boss();
  await sender.start();
  const { scanId } = await requestScan({ boss: sender, sourceId: source.id, trigger: "manual" });
  await sender.stop({ graceful: false, close: true });
  await rm(fleet, { recursive: true, force: true });

  const ctx = { boss: sender, log: pino({ level: "silent" }), signal: new AbortController().signal };
  await scanSourceJob.handle({ scanId }, ctx);
  const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true, error: true } });
  assert.equal(scan.status, "failed");
  assert.match(scan.error ?? "", /\S/);
  const afterScan = await db().service.findMany({ select: { slug: true, latestScore: true }, orderBy: { slug: "asc" } });
  assert.deepEqual(afterScan, before);

  // Handling the same job again (a retry after a crash) changes nothing.
  await scanSourceJob.handle({ scanId }, ctx);
  assert.equal(await db().scanTarget.count({ where: { scanId } }), 0);
});
