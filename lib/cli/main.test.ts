import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(repo, "bin", "dozen.mjs");
const fleet = join(repo, "examples", "fleet");
// Every spawn runs from an unrelated directory: the CLI must not depend on the caller's cwd.
const cwd = mkdtempSync(join(tmpdir(), "dozen-cli-"));
after(() => rmSync(cwd, { recursive: true, force: true }));

function dozen(args: string[], opts: { bin?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [opts.bin ?? bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A one-service directory whose only server binds a literal port and has no Dockerfile. */
function tinyService(): string {
  const dir = join(cwd, "tiny");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "name": "tiny", "dependencies": { "express": "^4.19.2" } }\n');
  writeFileSync(join(dir, "server.js"), 'const app = require("express")();\napp.get("/v1/x", (q, s) => s.send("x"));\napp.listen(8080);\n');
  return dir;
}

describe("dozen CLI", { concurrency: true }, () => {
  test("scan --format json prints every fleet service with factors and findings", async () => {
    const { code, stdout } = await dozen(["scan", relative(cwd, fleet), "--format", "json"]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { services: Record<string, unknown>[]; failures: unknown[] };
    assert.equal(result.services.length, FLEET_SERVICE_COUNT);
    assert.deepEqual(result.failures, []);
    const admin = result.services.find((s) => s.name === "admin-portal") as {
      grade: string;
      score: number;
      factors: { factor: string; score: number | null; passed: number; failed: number }[];
      findings: {
        ruleId: string;
        factor: string;
        outcome: string;
        message: string;
        evidence: { path: string; lineStart: number; lineEnd: number; snippet: string }[];
      }[];
    };
    assert.deepEqual(Object.keys(admin).sort(), ["factors", "findings", "grade", "name", "path", "score"]);
    assert.equal(admin.grade, "F");
    assert.equal(admin.factors.length, 15);
    const port = admin.findings.find((f) => f.ruleId === "readsPortFromEnv");
    assert.deepEqual(port?.evidence[0], {
      path: "admin-portal/server.js",
      lineStart: 45,
      lineEnd: 45,
      snippet: "app.listen(8080, () => {",
    });
    assert.equal(port?.factor, "port-binding");
  });

  test("scan prints a readable table with path:line for failing checks", async () => {
    const { code, stdout } = await dozen(["scan", tinyService()]);
    assert.equal(code, 0);
    assert.match(stdout, /VII Port binding\s+\d+\.\d/);
    assert.match(stdout, /FAIL\s+readsPortFromEnv \[VII\]/);
    assert.match(stdout, /server\.js:3\s+app\.listen\(8080\);/);
  });

  test("scan --format sarif prints SARIF 2.1.0 with the failing check at the scanned directory's relative path", async () => {
    const { code, stdout } = await dozen(["scan", tinyService(), "--format", "sarif"]);
    assert.equal(code, 0);
    const log = JSON.parse(stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    assert.equal(log.version, "2.1.0");
    const port = log.runs[0]?.results.find((r) => r.ruleId === "readsPortFromEnv");
    assert.deepEqual(port?.locations[0]?.physicalLocation.artifactLocation.uri, "server.js");
    assert.equal(port?.locations[0]?.physicalLocation.region.startLine, 3);
  });

  test("custom checks from dozen.yaml: scanned with evidence, listed by rules --config, explained, in SARIF", async () => {
    const dir = join(cwd, "custom");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "name": "custom" }\n');
    writeFileSync(join(dir, "server.js"), 'const http = require("node:http");\nhttp.createServer().listen(Number(process.env.PORT));\n');
    writeFileSync(join(dir, ".env.local"), "TOKEN=\n");
    writeFileSync(
      join(dir, "dozen.yaml"),
      [
        "checks:",
        "  - id: noLocalEnvFiles",
        "    kind: fileAbsent",
        '    glob: ".env*"',
        "    factor: config",
        "    title: No local .env files are committed",
        "    weight: 5",
        "    effort: low",
        "    guide: |",
        "      ## What to change",
        "      Delete the file and add `.env*` to `.gitignore`.",
        "",
      ].join("\n"),
    );
    const config = join(dir, "dozen.yaml");
    const [scan, rules, explain, sarif] = await Promise.all([
      dozen(["scan", dir, "--format", "json"]),
      dozen(["rules", "--config", config]),
      dozen(["explain", "noLocalEnvFiles", "--config", config]),
      dozen(["scan", dir, "--format", "sarif"]),
    ]);
    assert.equal(scan.code, 0, scan.stderr);
    const finding = (
      JSON.parse(scan.stdout) as {
        services: { findings: { ruleId: string; outcome: string; factor: string; evidence: { path: string; lineStart: number }[] }[] }[];
      }
    ).services[0]?.findings.find((f) => f.ruleId === "noLocalEnvFiles");
    assert.equal(finding?.outcome, "fail");
    assert.equal(finding?.factor, "config");
    assert.deepEqual(
      finding?.evidence.map((e) => [e.path, e.lineStart]),
      [[".env.local", 1]],
    );
    assert.match(rules.stdout, /noLocalEnvFiles\s+5\s+No local \.env files are committed\s+\(custom\)/);
    assert.match(explain.stdout, /^noLocalEnvFiles \(v1\): No local \.env files are committed[\s\S]*Delete the file/);
    const log = JSON.parse(sarif.stdout) as {
      runs: { tool: { driver: { rules: { id: string; help: { markdown: string } }[] } }; results: { ruleId: string }[] }[];
    };
    assert.match(log.runs[0]?.tool.driver.rules.find((r) => r.id === "noLocalEnvFiles")?.help.markdown ?? "", /Delete the file/);
    assert.ok(log.runs[0]?.results.some((r) => r.ruleId === "noLocalEnvFiles"));
  });

  test("usage error, exit 2: a custom check with a bad pattern names the field and the reason", async () => {
    const dir = join(cwd, "bad-check");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "dozen.yaml"),
      'checks:\n  - { id: noEval, factor: auth, title: t, guide: g, kind: fileNotMatches, glob: "*.js", pattern: "eval(" }\n',
    );
    const { code, stderr } = await dozen(["rules", "--config", join(dir, "dozen.yaml")]);
    assert.equal(code, 2);
    assert.match(stderr, /checks\.0\.pattern: invalid regular expression/);
  });

  test("--min-score gates: exit 1 below it, 0 at or above it", async () => {
    const dir = tinyService();
    const [low, high] = await Promise.all([
      dozen(["scan", dir, "--min-score", "99"]),
      dozen(["scan", dir, "--min-score", "0", "--format", "json"]),
    ]);
    assert.equal(low.code, 1);
    assert.match(low.stdout, /below --min-score 99/);
    assert.equal(high.code, 0);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ["no command", [], /Missing command/],
    ["unknown command", ["lint"], /Unknown command "lint"/],
    ["unknown option", ["scan", ".", "--colour"], /Unknown option '--colour'/],
    ["scan without a directory", ["scan"], /needs a directory/],
    ["a directory that does not exist", ["scan", "no/such/dir"], /Not a directory: no\/such\/dir/],
    ["a bad format", ["scan", ".", "--format", "xml"], /--format must be text, json or sarif/],
    ["a bad minimum", ["scan", ".", "--min-score", "high"], /--min-score must be a number from 0 to 100/],
    ["an unknown rule", ["explain", "noSuchRule"], /Unknown rule "noSuchRule"/],
    ["a missing config file", ["scan", ".", "--config", "nope.yaml"], /Invalid scoring config .*nope\.yaml/],
  ];
  for (const [name, args, message] of usageErrors) {
    test(`usage error, exit 2: ${name}`, async () => {
      const { code, stderr, stdout } = await dozen(args);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(stdout, "");
    });
  }

  test("rules --json lists the catalogue; explain shows the guide", async () => {
    const [rules, explain] = await Promise.all([dozen(["rules", "--json"]), dozen(["explain", "readsPortFromEnv"])]);
    const parsed = JSON.parse(rules.stdout) as { rules: { id: string; factor: string }[] };
    assert.ok(parsed.rules.length >= 20);
    assert.ok(parsed.rules.some((r) => r.id === "readsPortFromEnv" && r.factor === "port-binding"));
    assert.equal(explain.code, 0);
    assert.match(explain.stdout, /^readsPortFromEnv \(v\d+\): /);
    assert.match(explain.stdout, /## Before \/ after/);
  });

  test("works through a symlink, as `npx dozen` runs it from node_modules/.bin", async () => {
    const link = join(cwd, "node_modules", ".bin", "dozen");
    mkdirSync(join(cwd, "node_modules", ".bin"), { recursive: true });
    symlinkSync(bin, link);
    const { code, stdout } = await dozen(["rules"], { bin: link });
    assert.equal(code, 0);
    assert.match(stdout, /readsPortFromEnv/);
  });
});
