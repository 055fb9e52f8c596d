// npm run lint:layers – the layer table of .dependency-cruiser.cjs (README "Layers") holds in the code: no
// import breaks it, no module imports itself through others, no two folders of lib/ (nor app/ and
// components/) import each other, directly or round about, and a table with one owner is written by that
// owner alone. Exits 1 naming every offence.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeBin, ROOT } from "@/lib/ops/bin-path";

interface Cruised {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean; couldNotResolve: boolean }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string; comment?: string }[] };
}

const targets = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const run = spawnSync(
  process.execPath,
  [
    nodeBin("dependency-cruiser/bin/dependency-cruise.mjs"),
    ...(targets.length ? targets : ["app", "components", "lib", "workers"]),
    "--config",
    ".dependency-cruiser.cjs",
    "--output-type",
    "json",
  ],
  {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  },
);
if (!run.stdout) {
  console.error(run.stderr || "dependency-cruiser produced no output");
  process.exit(2);
}
const cruised = JSON.parse(run.stdout) as Cruised;
const problems = cruised.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

/** The folder a module counts in: lib/<folder>, or the top-level app/ and components/. */
function folderOf(path: string): string | null {
  if (/\.test\.tsx?$/.test(path)) return null;
  const parts = path.split("/");
  if (parts[0] === "lib") return parts.length > 2 ? `lib/${parts[1]}` : `lib/${parts[1]?.replace(/\.tsx?$/, "")}`;
  return parts[0] === "app" || parts[0] === "components" ? parts[0] : null;
}

const edges = new Map<string, Set<string>>();
for (const m of cruised.modules) {
  const from = folderOf(m.source);
  if (!from) continue;
  for (const d of m.dependencies) {
    const to = d.coreModule || d.couldNotResolve ? null : folderOf(d.resolved);
    if (to && to !== from && !to.startsWith("lib/generated")) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
  }
}
for (const cycle of folderCycles(edges)) problems.push(`folder-cycle: ${cycle.join(" ↔ ")} import each other`);

/** Tables one module owns: only files under its folder may write them (Prisma calls or raw SQL). */
const OWNERS: Record<string, { owner: string; writes: RegExp }> = {
  Scan: {
    owner: "lib/persistence/scan-run/",
    writes: /\.scan\.(?:create|createMany|update|updateMany|upsert|delete|deleteMany)\(|\b(?:UPDATE|INSERT INTO|DELETE FROM)\s+"Scan"/,
  },
};
for (const m of cruised.modules) {
  if (!folderOf(m.source) || !/\.tsx?$/.test(m.source)) continue;
  const text = readFileSync(join(ROOT, m.source), "utf8");
  for (const [table, { owner, writes }] of Object.entries(OWNERS)) {
    if (!m.source.startsWith(owner) && writes.test(text))
      problems.push(`table-owner: ${m.source} writes ${table} rows, which only ${owner} may`);
  }
}

if (problems.length > 0) {
  console.error(`Layer check failed (${problems.length}):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`Layer check passed: ${cruised.modules.length} modules, ${edges.size} folders, one direction.`);

/** Strongly connected groups of more than one folder (Tarjan): every folder cycle, each named once. */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexes.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexes.get(next)!));
    }
    if (low.get(node) === indexes.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!indexes.has(node)) visit(node);
  return found;
}
