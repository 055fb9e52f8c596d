import type { Dependency, ParsedDependencies } from "@/lib/facts/dependency-types";
import { readTomlEntries, tomlVersion } from "@/lib/facts/read-toml-entries";

const PEP508 = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/;

/**
 * Dependencies from the TOML manifests: Cargo.toml (`[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]`, target-specific and `[dependencies.name]` tables), pyproject.toml (Poetry tables
 * and groups, PEP 621 `[project] dependencies`, optional dependencies and PEP 735 groups) and Pipfile.
 * Interpreter constraints (`python = "^3.11"`) are not packages.
 */
export function parseTomlDependencies(opts: { lines: readonly string[]; flavour: "cargo" | "pyproject" | "pipfile" }): ParsedDependencies {
  const dependencies: Dependency[] = [];
  const byTable = new Map<string, Dependency>();
  for (const e of readTomlEntries({ lines: opts.lines })) {
    if (opts.flavour === "cargo") {
      const section = /(^|\.)(dependencies|dev-dependencies|build-dependencies)(\.([^.]+))?$/.exec(e.table);
      if (!section || e.arrayItem) continue;
      const dev = section[2] === "dev-dependencies";
      const tableName = section[4];
      if (tableName) {
        // [dependencies.serde]: the table names the dependency and its keys describe it.
        let dep = byTable.get(e.table);
        if (!dep) {
          dep = { name: tableName, version: null, line: e.line, dev };
          byTable.set(e.table, dep);
          dependencies.push(dep);
        }
        if (e.key === "version") dep.version = tomlVersion(e.value);
        if (e.key === "workspace") dep.version ??= "workspace";
        continue;
      }
      const workspace = e.key.endsWith(".workspace") || /\bworkspace\s*=\s*true/.test(e.value);
      dependencies.push({
        name: e.key.replace(/\.workspace$/, ""),
        version: workspace ? "workspace" : tomlVersion(e.value),
        line: e.line,
        dev,
      });
      continue;
    }
    const dep = opts.flavour === "pipfile" ? pipfile(e) : pyproject(e);
    if (dep && dep.name.toLowerCase() !== "python") dependencies.push(dep);
  }
  return { dependencies, problems: [] };
}

function pipfile(e: ReturnType<typeof readTomlEntries>[number]): Dependency | null {
  if (e.table !== "packages" && e.table !== "dev-packages") return null;
  const version = tomlVersion(e.value);
  return { name: e.key, version: version === "*" ? null : version, line: e.line, dev: e.table === "dev-packages" };
}

function pyproject(e: ReturnType<typeof readTomlEntries>[number]): Dependency | null {
  const poetry = /^tool\.poetry\.(dependencies|dev-dependencies|group\.([^.]+)\.dependencies)$/.exec(e.table);
  if (poetry && !e.arrayItem) {
    const dev = poetry[1] === "dev-dependencies" || (poetry[2] !== undefined && poetry[2] !== "main");
    return { name: e.key, version: tomlVersion(e.value), line: e.line, dev };
  }
  const pep621 =
    (e.table === "project" && e.key === "dependencies") || e.table === "project.optional-dependencies" || e.table === "dependency-groups";
  if (!pep621 || !e.arrayItem) return null;
  const m = PEP508.exec(e.value);
  if (!m?.[1]) return null;
  const dev = e.table === "dependency-groups" || (e.table === "project.optional-dependencies" && /dev|test|lint|doc/.test(e.key));
  const spec = (m[2] ?? "").trim();
  return { name: m[1], version: spec === "" ? null : spec, line: e.line, dev };
}
