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
writeFileSync(join(cwd, "not-dozen.json"), '{ "name": "not a scan" }\n');

function dozen(
  args: string[],
  opts: { bin?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...opts.env };
    execFile(process.execPath, [opts.bin ?? bin, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A one-service directory whose only server binds a literal port and has no Dockerfile. */
function tinyService(): string {
  return tinyServiceIn(join(cwd, "tiny"));
}

function tinyServiceIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "name": "tiny", "dependencies": { "express": "^4.19.2" } }\n');
  writeFileSync(join(dir, "server.js"), 'const app = require("express")();\napp.get("/v1/x", (q, s) => s.send("x"));\napp.listen(8080);\n');
  return dir;
}

/** A one-service directory under `name` whose server.js binds `ports` literal ports, after `above` blank lines. */
function portsService(name: string, ports: number, above = 0): string {
  const dir = join(cwd, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `{ "name": "${name}", "dependencies": { "express": "^4.19.2" } }\n`);
  const listens = Array.from({ length: ports }, (_, i) => `express().listen(${8001 + i});`);
  writeFileSync(
    join(dir, "server.js"),
    ['const express = require("express");', ...Array<string>(above).fill(""), ...listens, ""].join("\n"),
  );
  return dir;
}

interface JsonOut {
  services: { name: string; findings: { ruleId: string; outcome: string; evidence: { path: string; lineStart: number }[] }[] }[];
  newFindings?: { service: string; ruleId: string; evidence: { path: string; lineStart: number; snippet: string }[] }[];
}
interface SarifOut {
  runs: {
    results: {
      ruleId: string;
      baselineState?: string;
      locations: { physicalLocation?: { region: { startLine: number } } }[];
      relatedLocations?: unknown[];
    }[];
  }[];
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

  test("a service past a bound fails the run, gate or no gate: exit 1, the bound and its setting named", async () => {
    const dir = join(cwd, "with-dump");
    for (const name of ["api", "dump"]) {
      tinyServiceIn(join(dir, name));
      writeFileSync(join(dir, name, "package.json"), `{ "name": "${name}", "dependencies": { "express": "^4.19.2" } }\n`);
      writeFileSync(join(dir, name, "Dockerfile"), 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n');
    }
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, "dump", `row-${i}.csv`), "a,b\n");
    const env = { DOZEN_SERVICE_MAX_FILES: "20" };
    const [text, json] = await Promise.all([dozen(["scan", dir], { env }), dozen(["scan", dir, "--format", "json"], { env })]);
    assert.equal(text.code, 1);
    assert.match(
      text.stdout,
      /Could not scan:\n {2}dump \(dump\): more than 20 files under dump \(DOZEN_SERVICE_MAX_FILES\): not collected/,
    );
    assert.equal(json.code, 1);
    assert.match(json.stderr, /dozen: 1 target could not be scanned: dump \(more than 20 files under dump \(DOZEN_SERVICE_MAX_FILES\)/);
    assert.ok(
      (JSON.parse(json.stdout) as JsonOut).services.some((s) => s.name === "api"),
      "the other service is scanned",
    );
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
    ["a missing baseline", ["scan", ".", "--baseline", "nope.json"], /--baseline nope\.json: no such file/],
    ["a baseline that is not dozen's output", ["scan", ".", "--baseline", "not-dozen.json"], /neither dozen's JSON nor its SARIF output/],
    ["an unknown guide language", ["explain", "readsPortFromEnv", "--lang", "cobol"], /--lang must be one of go, java/],
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

  test("JSON and SARIF carry every location; the text shows five and says how many more", async () => {
    const dir = portsService("many-ports", 12);
    const [json, sarif, text] = await Promise.all([
      dozen(["scan", dir, "--format", "json"]),
      dozen(["scan", dir, "--format", "sarif"]),
      dozen(["scan", dir]),
    ]);
    const port = (JSON.parse(json.stdout) as JsonOut).services[0]?.findings.find((f) => f.ruleId === "readsPortFromEnv");
    assert.deepEqual(
      port?.evidence.map((e) => e.lineStart),
      Array.from({ length: 12 }, (_, i) => i + 2),
    );
    const result = (JSON.parse(sarif.stdout) as SarifOut).runs[0]?.results.find((r) => r.ruleId === "readsPortFromEnv");
    assert.equal(result?.locations.length, 1);
    assert.equal(result?.relatedLocations?.length, 11);
    assert.match(
      text.stdout,
      /Hard-coded port \(12 places\)\.\n(\s+server\.js:\d+ .*\n){5}\s+\+7 more \(--format json lists every location\)\n/,
    );
  });

  test("with --format json or sarif, the services below --min-score are named on stderr in one line", async () => {
    const dir = portsService("below-bar", 1);
    const [json, sarif, pass, text] = await Promise.all([
      dozen(["scan", dir, "--format", "json", "--min-score", "99"]),
      dozen(["scan", dir, "--format", "sarif", "--min-score", "99"]),
      dozen(["scan", dir, "--format", "json", "--min-score", "0"]),
      dozen(["scan", dir, "--min-score", "99"]),
    ]);
    for (const run of [json, sarif]) {
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^dozen: 1 service below --min-score 99: below-bar \d+\.\d \([A-F]\)\n$/);
      assert.doesNotThrow(() => JSON.parse(run.stdout), "stdout stays machine-readable");
    }
    assert.equal(pass.code, 0);
    assert.equal(pass.stderr, "");
    assert.equal(text.code, 1);
    assert.equal(text.stderr, "", "the text report says it on stdout");
    assert.match(text.stdout, /1 service scanned/);
  });

  test("--baseline fails only on findings the baseline does not hold, whether it is JSON or SARIF", async () => {
    const dir = portsService("baseline-svc", 2);
    const before = await Promise.all([dozen(["scan", dir, "--format", "json"]), dozen(["scan", dir, "--format", "sarif"])]);
    const files = ["json", "sarif"].map((ext, i) => {
      const file = join(cwd, `baseline-svc.${ext}`);
      writeFileSync(file, before[i]!.stdout);
      return file;
    });
    for (const file of files) {
      const same = await dozen(["scan", dir, "--format", "json", "--baseline", file]);
      assert.equal(same.code, 0, `${file}: nothing new: ${same.stderr}`);
      assert.deepEqual((JSON.parse(same.stdout) as JsonOut).newFindings, []);
    }
    // Code added above the known lines moves them: still nothing new.
    portsService("baseline-svc", 2, 3);
    for (const file of files) assert.equal((await dozen(["scan", dir, "--baseline", file])).code, 0, `${file}: lines moved`);
    // A third server start is new: its hard-coded port, and its missing SIGTERM handler; nothing else is.
    portsService("baseline-svc", 3, 3);
    for (const file of files) {
      const [json, sarif, text] = await Promise.all([
        dozen(["scan", dir, "--format", "json", "--baseline", file]),
        dozen(["scan", dir, "--format", "sarif", "--baseline", file]),
        dozen(["scan", dir, "--baseline", file]),
      ]);
      assert.equal(json.code, 1, file);
      assert.deepEqual(
        (JSON.parse(json.stdout) as JsonOut).newFindings?.map((n) => [n.service, n.ruleId, n.evidence.map((e) => e.snippet)]),
        [
          ["baseline-svc", "readsPortFromEnv", ["express().listen(8003);"]],
          ["baseline-svc", "handlesSigterm", ["express().listen(8003);"]],
        ],
        file,
      );
      assert.match(
        json.stderr,
        /^dozen: 2 findings not in the baseline: baseline-svc readsPortFromEnv server\.js:7, baseline-svc handlesSigterm server\.js:7\n$/,
        file,
      );
      const states = (JSON.parse(sarif.stdout) as SarifOut).runs[0]?.results.map((r) => [r.ruleId, r.baselineState]);
      assert.ok(
        states?.some(([id, state]) => id === "readsPortFromEnv" && state === "new"),
        file,
      );
      assert.ok(
        states?.some(([id, state]) => id === "exposesHealthEndpoint" && state === "unchanged"),
        file,
      );
      assert.equal(text.code, 1);
      assert.match(
        text.stdout,
        /New since the baseline \(2 findings\):\n {2}baseline-svc {2}readsPortFromEnv .*\n\s+server\.js:7 {2}express\(\)\.listen\(8003\);/,
      );
      assert.match(text.stdout, /2 new findings since the baseline/);
    }
  });

  test("explain shows every language's example, or one language's with --lang, and never a placeholder", async () => {
    const [all, java, ruby, env] = await Promise.all([
      dozen(["explain", "readsPortFromEnv"]),
      dozen(["explain", "readsPortFromEnv", "--lang", "java"]),
      dozen(["explain", "readsPortFromEnv", "--lang", "ruby"]),
      dozen(["explain", "noCommittedEnvFiles"]),
    ]);
    assert.match(all.stdout, /### Go\n\n```go[\s\S]*### Java \/ Kotlin\n\n```properties[\s\S]*### C#/);
    assert.match(java.stdout, /server\.port=\$\{PORT:8080\}/);
    assert.doesNotMatch(java.stdout, /app\.listen|os\.Getenv|###/);
    assert.match(ruby.stdout, /No example in Ruby yet; `dozen explain readsPortFromEnv` shows those for/);
    assert.match(env.stdout, /git rm --cached <path>/);
    for (const run of [all, java, ruby, env]) {
      assert.equal(run.code, 0);
      assert.doesNotMatch(run.stdout, /(?<!\$)\{\{\s*\w+\s*\}\}|<!--\s*\/?lang/);
    }
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
