import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { FACTORS } from "@/lib/factors/factors";
import type { CheckDefinition, Judges } from "@/lib/rules/types";

/** Fixture name prefixes: the outcome the generic fixture test expects. */
export const FIXTURE_OUTCOMES = ["pass", "fail", "notApplicable", "notAvailable"] as const;
export type FixtureOutcome = (typeof FIXTURE_OUTCOMES)[number];

export interface CheckFixture {
  name: string;
  outcome: FixtureOutcome;
  /** A tree (repository checks) or a YAML file of Kubernetes objects (cluster and cross checks). */
  path: string;
  /** Cross checks: what the repository declares beside what the cluster runs (`<name>.declared.yaml`). */
  declared?: string;
}

export interface CheckFolder {
  id: string;
  factorFolder: string;
  dir: string;
  fixtures: CheckFixture[];
}

/** Thrown with every problem at once, so one run tells a check's author all that is missing. */
export class InvalidRuleFolderError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid check folders:\n  ${problems.join("\n  ")}`);
    this.name = "InvalidRuleFolderError";
  }
}

/**
 * Lists `factors/<NN-factor>/<checkId>/` folders, sorted, with their fixtures: sub-folders (trees a repository
 * check is collected from) and `<outcome>-<name>.yaml` files (objects a cluster check is served). Throws on any
 * malformed folder.
 */
export function listRuleFolders(opts: { rulesDir: string }): CheckFolder[] {
  const problems: string[] = [];
  const folders: CheckFolder[] = [];
  const factorsDir = join(opts.rulesDir, "factors");
  for (const factorFolder of entries(factorsDir, "dir")) {
    const factor = FACTORS.find((f) => factorFolder === `${String(f.number).padStart(2, "0")}-${f.id}`);
    if (!factor) problems.push(`factors/${factorFolder}: not "<NN>-<factor id>" of a known factor`);
    for (const id of entries(join(factorsDir, factorFolder), "dir")) {
      const dir = join(factorsDir, factorFolder, id);
      const where = relative(opts.rulesDir, dir);
      for (const file of ["rule.ts", "remediation.md"]) if (!existsSync(join(dir, file))) problems.push(`${where}: missing ${file}`);
      const fixturesDir = join(dir, "fixtures");
      const trees = entries(fixturesDir, "dir").map((name) => ({ name, path: join(fixturesDir, name) }));
      const files = entries(fixturesDir, "file")
        .filter((name) => name.endsWith(".yaml") && !name.endsWith(".declared.yaml"))
        .map((name) => {
          const declared = join(fixturesDir, name.replace(/\.yaml$/, ".declared.yaml"));
          return { name: name.replace(/\.yaml$/, ""), path: join(fixturesDir, name), ...(existsSync(declared) ? { declared } : {}) };
        });
      const fixtures = [...trees, ...files].map((f) => {
        const outcome = FIXTURE_OUTCOMES.find((o) => f.name.startsWith(`${o}-`));
        if (!outcome) problems.push(`${where}/fixtures/${f.name}: name must start with ${FIXTURE_OUTCOMES.join("-, ")}-`);
        return { ...f, outcome: outcome ?? "pass" };
      });
      for (const needed of ["pass", "fail"] as const) {
        if (!fixtures.some((f) => f.outcome === needed)) problems.push(`${where}: needs at least one fixtures/${needed}-<name> fixture`);
      }
      folders.push({ id, factorFolder, dir, fixtures });
    }
  }
  if (problems.length > 0) throw new InvalidRuleFolderError(problems);
  return folders;
}

/** What each kind of check is judged from, so a fixture of the wrong shape is caught at generation. */
// A workload check judges repositories and clusters alike: it takes fixtures of both shapes.
const FIXTURE_SHAPE: Record<Judges, "tree" | "yaml" | "either"> = { repository: "tree", cluster: "yaml", both: "yaml", workload: "either" };

/**
 * Renders `registry.generated.ts`: a static import of every check (bundlers cannot follow a runtime directory
 * walk) and every remediation guide inlined as a string (pages may not read .md files at run time). Loads each
 * check to verify that its id equals its folder, its factor its factor folder, and its fixtures its kind.
 */
export async function renderRegistry(opts: { rulesDir: string }): Promise<string> {
  const folders = listRuleFolders(opts);
  const problems: string[] = [];
  for (const folder of folders) {
    const loaded = (await import(pathToFileURL(join(folder.dir, "rule.ts")).href)) as { rule?: CheckDefinition };
    const where = `factors/${folder.factorFolder}/${folder.id}/rule.ts`;
    const rule = loaded.rule;
    if (!rule) problems.push(`${where}: does not export \`rule\``);
    else if (rule.id !== folder.id) problems.push(`${where}: id "${rule.id}" differs from its folder "${folder.id}"`);
    else if (!folder.factorFolder.endsWith(`-${rule.factor}`)) problems.push(`${where}: factor "${rule.factor}" is not its folder's`);
    else if (!(rule.judges in FIXTURE_SHAPE))
      problems.push(`${where}: judges "${String(rule.judges)}" is not repository, cluster, both or workload`);
    else {
      const shape = FIXTURE_SHAPE[rule.judges];
      const wrong = shape === "either" ? [] : folder.fixtures.filter((f) => (shape === "yaml") !== f.path.endsWith(".yaml"));
      if (wrong.length > 0)
        problems.push(
          `${where}: a ${rule.judges} check takes ${shape === "yaml" ? "<outcome>-<name>.yaml files" : "<outcome>-<name>/ trees"} as fixtures`,
        );
    }
  }
  if (problems.length > 0) throw new InvalidRuleFolderError(problems);
  const lines = [
    "// Generated by `npm run generate:registry` (scripts/generate-registry.ts) from lib/rules/factors/*/*/: do not edit.",
    "// lib/rules/registry.test.ts fails when this file is out of date with the folders.",
    'import type { CheckDefinition } from "@/lib/rules/types";',
    ...folders.map((f) => `import { rule as ${f.id} } from "@/lib/rules/factors/${f.factorFolder}/${f.id}/rule";`),
    "",
    "export const GENERATED_CHECKS: readonly CheckDefinition[] = [",
    ...folders.map((f) => `  ${f.id},`),
    "];",
    "",
    "export const GENERATED_GUIDES: Readonly<Record<string, string>> = {",
    ...folders.map((f) => `  ${f.id}: ${JSON.stringify(readFileSync(join(f.dir, "remediation.md"), "utf8"))},`),
    "};",
    "",
  ];
  return lines.join("\n");
}

function entries(dir: string, type: "dir" | "file"): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && statSync(join(dir, name)).isDirectory() === (type === "dir"))
    .sort();
}
