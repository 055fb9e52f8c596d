/**
 * How fast the rule catalogue evaluates facts: collects examples/fleet once (I/O outside the measurement), then
 * runs every rule over fresh copies of those snapshots for a few seconds on this one thread. Each iteration
 * parses its snapshot from JSON first, untimed, so per-snapshot memos (stripped comments) start cold, as they do
 * for a real scan. Last line: RESULT {"snapshotsPerSecond":…,"rules":…,"snapshots":…}.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
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
console.log(`fleet: ${snapshots.length} service snapshots, ${textLines} lines of text, ${RULES.length} rules`);
console.log(`evaluated ${evaluated} snapshots in ${busyMs.toFixed(0)} ms of rule time (${DURATION_MS} ms wall)`);
console.log(`per snapshot: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
console.log(`RESULT ${JSON.stringify({ snapshotsPerSecond, rules: RULES.length, snapshots: snapshots.length })}`);
