import { isNotAService } from "@/lib/facts/discovery/not-services";

/** A module that runs on its own: its folder, and the name its orchestration gives it, if any. */
export interface RunnableModule {
  path: string;
  name: string | null;
  why: string;
}

/**
 * Modules with their own entry point, whatever builds their image (or none does yet), by language:
 * - .NET: the projects an Aspire AppHost adds (`AddProject<Projects.Identity_API>("identity-api")`, named as
 *   there), else projects on the Web or Worker SDK; test, AppHost and ServiceDefaults projects never;
 * - JVM: a module (the folder of its pom.xml or build.gradle) holding a `@SpringBootApplication` or a
 *   `public static void main`;
 * - Go: a `package main` with `func main()`;
 * - Node: a workspace package (of a root `workspaces`) with a `start` script;
 * - Rust: a workspace member with `src/main.rs`.
 * Libraries, test projects and tools are left out. Pure: reads the inventory's texts only.
 */
export function findModules(opts: { files: readonly string[]; texts: ReadonlyMap<string, string> }): RunnableModule[] {
  const { files, texts } = opts;
  const found = new Map<string, RunnableModule>();
  const add = (m: RunnableModule) => {
    if (!isNotAService(m.path) && !found.has(m.path)) found.set(m.path, m);
  };

  // .NET
  const projects = files.filter((f) => /\.csproj$/.test(f));
  const aspire = [...texts].filter(([path, text]) => /(^|\/)Program\.cs$/.test(path) && /\bAddProject<Projects\.\w+>/.test(text));
  for (const [, text] of aspire) {
    for (const m of text.matchAll(/AddProject<Projects\.(\w+)>\(\s*"([^"]+)"/g)) {
      const project = projects.find(
        (p) =>
          baseName(p)
            .replace(/\.csproj$/, "")
            .replace(/[.-]/g, "_") === m[1],
      );
      if (project) add({ path: dirOf(project), name: m[2]!, why: "added by the Aspire AppHost" });
    }
  }
  if (aspire.length === 0) {
    for (const project of projects) {
      const text = texts.get(project) ?? "";
      if (
        /Sdk="Microsoft\.NET\.Sdk\.(Web|Worker)"/.test(text) &&
        !/<IsTestProject>\s*true/i.test(text) &&
        !/<IsAspireHost>\s*true/i.test(text)
      ) {
        add({ path: dirOf(project), name: null, why: "a .NET web or worker host" });
      }
    }
  }

  // JVM: the module holding the application class.
  for (const [path, text] of texts) {
    if (!/\.(java|kt)$/.test(path) || !/src\/main\//.test(path)) continue;
    if (!/@SpringBootApplication\b|public\s+static\s+void\s+main\s*\(|^\s*fun\s+main\s*\(/m.test(text)) continue;
    const moduleDir = nearest(files, path, /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/);
    if (moduleDir !== null) add({ path: moduleDir || ".", name: null, why: "a JVM application module" });
  }

  // Go
  for (const [path, text] of texts) {
    if (!/(^|\/)main\.go$/.test(path) || !/^package\s+main\b/m.test(text) || !/^func\s+main\s*\(/m.test(text)) continue;
    add({ path: dirOf(path) || ".", name: null, why: "a Go main package" });
  }

  // Node workspaces
  const rootPackage = parseJson(texts.get("package.json"));
  const workspaces = Array.isArray(rootPackage?.workspaces)
    ? rootPackage.workspaces
    : Array.isArray((rootPackage?.workspaces as { packages?: unknown })?.packages)
      ? (rootPackage!.workspaces as { packages: unknown[] }).packages
      : [];
  if (workspaces.length > 0) {
    for (const path of files.filter((f) => /\/package\.json$/.test(f))) {
      const pkg = parseJson(texts.get(path));
      const dir = dirOf(path);
      if (!workspaces.some((w) => typeof w === "string" && globMatches(w, dir))) continue;
      const scripts = pkg?.scripts as Record<string, unknown> | undefined;
      if (typeof scripts?.start === "string")
        add({
          path: dir,
          name: typeof pkg?.name === "string" ? (pkg.name.split("/").at(-1) ?? null) : null,
          why: "a workspace package with a start script",
        });
    }
  }

  // Rust workspaces
  const cargo = texts.get("Cargo.toml") ?? "";
  const members =
    cargo
      .match(/members\s*=\s*\[([^\]]*)\]/)?.[1]
      ?.match(/"([^"]+)"/g)
      ?.map((m) => m.slice(1, -1)) ?? [];
  for (const member of members) {
    if (files.includes(`${member}/src/main.rs`)) add({ path: member, name: null, why: "a Cargo workspace binary" });
  }

  // A module inside another found module (a Go `cmd/` under a service with its own main) belongs to it.
  const all = [...found.values()];
  return all.filter((m) => !all.some((o) => o !== m && o.path !== "." && m.path.startsWith(`${o.path}/`)));
}

/** The nearest folder, from a file upwards, holding a file that matches; null when none does. */
function nearest(files: readonly string[], from: string, pattern: RegExp): string | null {
  let dir = dirOf(from);
  for (;;) {
    const prefix = dir === "" ? "" : `${dir}/`;
    if (files.some((f) => f.startsWith(prefix) && pattern.test(f) && !f.slice(prefix.length).includes("/"))) return dir;
    if (dir === "") return null;
    dir = dirOf(dir);
  }
}

function globMatches(glob: string, dir: string): boolean {
  const re = new RegExp(
    `^${glob
      .replace(/\/+$/, "")
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*/g, "\u0000")
      .replace(/\*/g, "[^/]+")
      .replace(/\u0000/g, ".*")}$`,
  );
  return re.test(dir);
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function baseName(path: string): string {
  return path.split("/").at(-1) ?? path;
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
