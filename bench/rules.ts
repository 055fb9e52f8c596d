/**
 * How fast the rule catalogue evaluates facts: collects examples/fleet once (I/O outside the measurement), then
 * runs every rule over fresh copies of those snapshots for a few seconds on this one thread. Each iteration
 * parses its snapshot from JSON first, untimed, so per-snapshot memos (stripped comments) start cold, as they do
 * for a real scan. Parsing is measured apart: every source file of the fleet is parsed by its tree-sitter grammar
 * (as the collector does) and the time per MB of source reported.
 * Last line: RESULT {"snapshotsPerSecond":…,"rules":…,"snapshots":…,"parseMsPerMb":…,"parsedMb":…}.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { loadSyntaxParser } from "@/lib/collectors/syntax/load-syntax-parser";
import { RULES } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import type { ServiceFacts } from "@/lib/facts/types";

const DURATION_MS = Number(process.argv[2] ?? 3000);
const root = join(fileURLToPath(import.meta.url), "..", "..", "examples", "fleet");

const { targets } = await collectLocalSource({ root });
const snapshots = targets.flatMap((t) => ("facts" in t ? [JSON.stringify(t.facts)] : []));
if (snapshots.length === 0) throw new Error(`no service facts collected under ${root}`);

// Warm-up: let the JIT compile the rules before measuring.
for (const json of snapshots) runRules({ subject: { kind: "repository", facts: JSON.parse(json) as ServiceFacts } });

let evaluated = 0;
let busyMs = 0;
const perSnapshotMs: number[] = [];
const wallStart = performance.now();
while (performance.now() - wallStart < DURATION_MS) {
  const json = snapshots[evaluated % snapshots.length] ?? "";
  const facts = JSON.parse(json) as ServiceFacts;
  const started = performance.now();
  runRules({ subject: { kind: "repository", facts } });
  const elapsed = performance.now() - started;
  busyMs += elapsed;
  perSnapshotMs.push(elapsed);
  evaluated += 1;
}

perSnapshotMs.sort((a, b) => a - b);
const at = (q: number) => (perSnapshotMs[Math.min(perSnapshotMs.length - 1, Math.floor(q * perSnapshotMs.length))] ?? 0).toFixed(3);
const snapshotsPerSecond = Math.round((evaluated / busyMs) * 1000);
const textLines = snapshots.reduce(
  (n, json) => n + (JSON.parse(json) as ServiceFacts).textFiles.reduce((m, f) => m + f.lines.length, 0),
  0,
);
// Parsing, apart: each source file the collector parsed, parsed again here, timed alone (grammars already loaded).
const sources = snapshots.flatMap((json) =>
  (JSON.parse(json) as ServiceFacts).textFiles
    .filter((f) => f.syntax)
    .map((f) => ({ path: f.path, language: f.language, text: f.lines.join("\n") })),
);
const parse = await loadSyntaxParser({ files: sources });
let parsedChars = 0;
const parseStart = performance.now();
for (let round = 0; performance.now() - parseStart < DURATION_MS / 2 || round === 0; round++)
  for (const file of sources) {
    parse(file);
    parsedChars += file.text.length;
  }
const parseMs = performance.now() - parseStart;
const parsedMb = parsedChars / 1e6;
const parseMsPerMb = Math.round(parseMs / parsedMb);

console.log(`fleet: ${snapshots.length} service snapshots, ${textLines} lines of text, ${RULES.length} rules`);
console.log(`evaluated ${evaluated} snapshots in ${busyMs.toFixed(0)} ms of rule time (${DURATION_MS} ms wall)`);
console.log(`per snapshot: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
console.log(
  `parsing: ${sources.length} source files, ${parsedMb.toFixed(2)} MB parsed in ${parseMs.toFixed(0)} ms: ${parseMsPerMb} ms per MB`,
);
console.log(
  `RESULT ${JSON.stringify({ snapshotsPerSecond, rules: RULES.length, snapshots: snapshots.length, parseMsPerMb, parsedMb: Number(parsedMb.toFixed(2)) })}`,
);
