/**
 * How right Dozen is on real code: scans each repository of the corpus (public multi-service repositories,
 * checked out outside this repository under DOZEN_ACCURACY_CORPUS as `<owner>__<name>`) and compares what it
 * finds with the hand-checked expectations in bench/accuracy/corpus/<owner>__<name>.json (the protocol is in
 * bench/README.md). Per repository and in total: services exact, FAIL precision against the hand judgement,
 * recall of the violations found by reading the code, scan time on one core and peak RSS. Each repository is
 * scanned in a child process pinned to one core (`taskset`), so its time and memory are its own.
 *
 *   DOZEN_ACCURACY_CORPUS=/work/corpus npm run bench:accuracy [-- --verbose] [-- --by-check] [-- <owner__name> ...]
 *
 * Last line: RESULT {"repos", "missing", "servicesExact", "precision", "recall", "maxSeconds", "maxRssMb", "goalsMet", ...}.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { classifyServiceKind } from "@/lib/rules/classify-service-kind";
import { compareWithExpectations, type Expectations, type ScannedRepo } from "@/bench/accuracy/compare";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);

if (args[0] === "--scan") {
  // Child: scan one checkout and print what the comparison needs.
  const started = performance.now();
  const outcome = await scanLocalDirectory({ root: args[1]! });
  const scanned: ScannedRepo = {
    seconds: (performance.now() - started) / 1000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    services: outcome.services.map((s) => ({
      name: s.name,
      path: s.path,
      kind: classifyServiceKind(s.facts),
      fails: s.findings
        .filter((f) => f.outcome === "fail")
        .map((f) => {
          const e = f.evidence[0];
          return { check: f.ruleId, where: e?.type === "repo" ? `${e.path}:${e.lineStart}` : "", message: f.message };
        }),
    })),
    failures: outcome.failures.map((f) => ({ path: f.path, error: f.error })),
  };
  process.stdout.write(JSON.stringify(scanned));
  process.exit(0);
}

const verbose = args.includes("--verbose");
const only = args.filter((a) => !a.startsWith("--"));
const corpus = env().DOZEN_ACCURACY_CORPUS;
const files = readdirSync(join(HERE, "accuracy", "corpus"))
  .filter((f) => f.endsWith(".json"))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.json$/, "")))
  .sort();
if (!corpus) {
  console.error("Set DOZEN_ACCURACY_CORPUS to the directory holding the corpus checkouts (see bench/README.md).");
  process.exit(2);
}

const missing: string[] = [];
const rows: ReturnType<typeof compareWithExpectations>[] = [];
for (const file of files) {
  const expected = JSON.parse(readFileSync(join(HERE, "accuracy", "corpus", file), "utf8")) as Expectations;
  const dir = join(corpus, file.replace(/\.json$/, ""));
  if (!existsSync(dir)) {
    missing.push(`${expected.repo} (${expected.url} at ${expected.commit}) → expected in ${dir}`);
    continue;
  }
  const head = spawnSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const command = existsSync("/usr/bin/taskset") ? ["taskset", "-c", "0", process.execPath] : [process.execPath];
  const child = spawnSync(command[0]!, [...command.slice(1), "--import", "tsx", fileURLToPath(import.meta.url), "--scan", dir], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
  if (child.status !== 0) {
    console.error(`${expected.repo}: the scan failed\n${child.stderr}`);
    missing.push(`${expected.repo}: scan failed`);
    continue;
  }
  const row = compareWithExpectations({ expected, scanned: JSON.parse(child.stdout) as ScannedRepo });
  if (head && head !== expected.commit)
    row.notes.push(`checked out at ${head.slice(0, 10)}, expectations are for ${expected.commit.slice(0, 10)}`);
  rows.push(row);
  printRow(row);
}

const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
const tp = sum((r) => r.truePositives.length);
const fp = sum((r) => r.falsePositives.length);
const fn = sum((r) => r.missed.length);
const total = {
  repos: rows.length,
  missing: missing.length,
  servicesExact: rows.filter((r) => r.servicesExact).length,
  precision: tp + fp === 0 ? null : round(tp / (tp + fp)),
  recall: tp + fn === 0 ? null : round(tp / (tp + fn)),
  truePositives: tp,
  falsePositives: fp,
  missed: fn,
  kindsRight: sum((r) => r.kindsRight),
  kindsJudged: sum((r) => r.kindsJudged),
  unjudgedFails: sum((r) => r.unjudged),
  maxSeconds: round(Math.max(0, ...rows.map((r) => r.seconds))),
  maxRssMb: Math.max(0, ...rows.map((r) => r.peakRssMb)),
};
const goals = { servicesExact: "every repository", precision: 0.95, recall: 0.85, secondsPer25Services: 5, rssMb: 300 };
const goalsMet =
  missing.length === 0 &&
  total.servicesExact === rows.length &&
  (total.precision ?? 0) >= goals.precision &&
  (total.recall ?? 0) >= goals.recall &&
  rows.every((r) => r.seconds <= goals.secondsPer25Services * Math.max(1, r.services / 25) && r.peakRssMb <= goals.rssMb);

console.log("");
if (missing.length) console.log(`Missing from ${corpus}:\n  ${missing.join("\n  ")}`);
console.log(
  `TOTAL ${rows.length} repositories: services exact in ${total.servicesExact}; FAIL precision ${pct(total.precision)} (${tp} right, ${fp} wrong), recall ${pct(total.recall)} (${fn} missed); kinds right ${total.kindsRight}/${total.kindsJudged}; slowest ${total.maxSeconds} s, peak RSS ${total.maxRssMb} MB`,
);
if (args.includes("--by-check")) printByCheck(rows);
console.log(`RESULT ${JSON.stringify({ ...total, goals, goalsMet })}`);

function printRow(r: ReturnType<typeof compareWithExpectations>): void {
  console.log(
    `${r.repo.padEnd(48)} services ${r.servicesExact ? "exact" : `${r.servicesFound}/${r.services} right`}`.padEnd(78) +
      ` precision ${pct(r.precision).padStart(5)}  recall ${pct(r.recall).padStart(5)}  ${r.seconds.toFixed(1)} s  ${r.peakRssMb} MB`,
  );
  for (const note of r.notes) console.log(`    note: ${note}`);
  if (!verbose) return;
  for (const s of r.serviceProblems) console.log(`    service: ${s}`);
  for (const k of r.kindProblems) console.log(`    kind: ${k}`);
  for (const f of r.falsePositives) console.log(`    wrong FAIL: ${f}`);
  for (const m of r.missed) console.log(`    missed: ${m}`);
}

/** Right, wrong and missed FAILs per check over all repositories (for bench/README.md's before/after table). */
function printByCheck(all: typeof rows): void {
  const counts = new Map<string, { right: number; wrong: number; missed: number }>();
  const add = (label: string, key: "right" | "wrong" | "missed") => {
    const check = label.split(" ")[1] ?? "?";
    const c = counts.get(check) ?? counts.set(check, { right: 0, wrong: 0, missed: 0 }).get(check)!;
    c[key] += 1;
  };
  for (const r of all) {
    r.truePositives.forEach((l) => add(l, "right"));
    r.falsePositives.forEach((l) => add(l, "wrong"));
    r.missed.forEach((l) => add(l, "missed"));
  }
  console.log("\ncheck right wrong missed");
  for (const [check, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(`${check} ${c.right} ${c.wrong} ${c.missed}`);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function pct(n: number | null): string {
  return n === null ? "–" : `${Math.round(n * 1000) / 10}%`;
}
