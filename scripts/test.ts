// npm test – every test: the static checks (typecheck, lint with formatting, the layer check), node's test
// runner over **/*.test.ts(x), then Playwright over e2e/, against one real PostgreSQL (embedded by default, or
// TEST_DATABASE_URL). Each static check counts as one test. Ends with a plain "N passed, N failed" line.
//   npm test -- --unit     static checks and node tests only
//   npm test -- --e2e      Playwright only
//   npm test -- lib/rules  only test files whose path contains one of the given fragments
import { readdir } from "node:fs/promises";
import { readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { env, childEnv } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/ops/start-embedded-postgres";
import { nodeBin, ROOT } from "@/lib/ops/bin-path";

const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";
const filters = args.filter((a) => !a.startsWith("--"));
const SKIP_DIRS = new Set(["node_modules", ".next", ".git", ".dozen", "examples", "fixtures", "e2e", "test-results", "generated"]);

async function findTests(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".")) await findTests(path.join(dir, entry.name), out);
    } else if (/\.test\.tsx?$/.test(entry.name)) {
      out.push(path.relative(ROOT, path.join(dir, entry.name)));
    }
  }
  return out.sort();
}

/** Runs a command, echoing its output, and returns the output for counting. */
function run(command: string, commandArgs: string[], extraEnv: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env: childEnv(extraEnv), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** What `npm run typecheck`, `npm run lint` and `npm run lint:layers` run: a type error or an upward import fails CI. */
const STATIC_CHECKS = [
  { name: "typecheck (tsc --noEmit)", args: [nodeBin("typescript/bin/tsc"), "--noEmit"] },
  { name: "lint (eslint)", args: [nodeBin("eslint/bin/eslint.js"), "--max-warnings=0", "."] },
  { name: "format (prettier --check)", args: [nodeBin("prettier/bin/prettier.cjs"), "--check", "--log-level=warn", "."] },
  { name: "layers (scripts/check-layers.ts)", args: ["--import", "tsx", "scripts/check-layers.ts"] },
];

function count(output: string, pattern: RegExp): number {
  return [...output.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function main(): Promise<number> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let serverUrl = env().TEST_DATABASE_URL;
  const dataDir = path.join(tmpdir(), `dozen-test-pg-${process.pid}`);
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, port: 55000 + (process.pid % 5000), database: "postgres" });
    serverUrl = embedded.adminUrl;
    console.log(`test PostgreSQL: embedded, data in ${dataDir}`);
  }
  // As an admin would allow them: tests scan checkouts they make in the temp directory (and the repository's
  // own fixtures), read kubeconfigs they write there, and name their credentials' variables. A GitHub
  // stand-in adds its own host to DOZEN_GITHUB_HOSTS when it starts.
  const testEnv = {
    TEST_DATABASE_URL: serverUrl,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    DOZEN_LOCAL_ROOTS: [tmpdir(), ROOT].join(path.delimiter),
    DOZEN_KUBECONFIG_DIR: tmpdir(),
    DOZEN_CREDENTIAL_ENVS: [
      "GITHUB_TOKEN",
      "GITHUB_APP_ID",
      "GITHUB_APP_PRIVATE_KEY",
      ...["GH_TOKEN", "APP_ID", "APP_KEY", "APP_INSTALLATION", "GHES_APP_ID", "GHES_APP_KEY"].map((n) => `DOZEN_TEST_${n}`),
      ...["ACME_APP_ID", "ACME_GH_TOKEN", "ACME_TOKEN"],
    ].join(","),
  };
  let passed = 0;
  let failed = 0;
  try {
    if (only !== "e2e" && filters.length === 0) {
      for (const check of STATIC_CHECKS) {
        console.log(`\n▶ ${check.name}`);
        const res = await run(process.execPath, check.args, {});
        if (res.code === 0) passed += 1;
        else failed += 1;
        console.log(`${res.code === 0 ? "✔" : "✖"} ${check.name}`);
      }
    }
    if (only !== "e2e") {
      const files = (await findTests(ROOT)).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
      if (files.length) {
        const res = await run(
          process.execPath,
          ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files],
          testEnv,
        );
        const p = count(res.output, /^ℹ pass (\d+)$/gm);
        const f = count(res.output, /^ℹ fail (\d+)$/gm) + count(res.output, /^ℹ cancelled (\d+)$/gm);
        passed += p;
        // A runner that died before its summary still counts as a failure.
        failed += f || (res.code !== 0 ? 1 : 0);
      }
    }
    if (only !== "unit" && filters.length === 0) {
      // Always rebuild: e2e against a stale build would test yesterday's code.
      const build = await run(process.execPath, [nodeBin("next/dist/bin/next"), "build"], testEnv);
      if (build.code !== 0) return report(passed, failed + 1);
      const jsonFile = path.join(tmpdir(), `dozen-playwright-${process.pid}.json`);
      const res = await run(process.execPath, [nodeBin("@playwright/test/cli.js"), "test", "--reporter=list,json"], {
        ...testEnv,
        PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
      });
      const stats = existsSync(jsonFile)
        ? (JSON.parse(readFileSync(jsonFile, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } }).stats
        : { expected: 0, unexpected: 1, flaky: 0 };
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected || (res.code !== 0 ? 1 : 0);
    }
  } finally {
    await embedded?.stop();
    if (embedded) rmSync(dataDir, { recursive: true, force: true });
  }
  return report(passed, failed);
}

function report(passed: number, failed: number): number {
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exit(await main());
