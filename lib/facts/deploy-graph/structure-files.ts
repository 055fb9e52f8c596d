import { CONVENTION_PLUGIN } from "@/lib/facts/deploy-graph/gradle-conventions";

/**
 * What a file is to the shape of a repository — what builds images, what deploys them, what makes a module
 * runnable — as opposed to what one service's checks read. The collector reads these across the whole source
 * (lib/collectors/local/collect-inventory.ts) before any service is known, so deploy config outside a
 * service's folder and modules without a Dockerfile are seen. Null for every other file.
 */
export type StructureKind =
  | "dockerfile"
  | "compose"
  | "skaffold"
  | "kustomization"
  | "helm-chart"
  | "helm-values"
  | "helm-template"
  | "yaml"
  | "workflow"
  | "build-manifest"
  | "entry-point"
  | "procfile"
  | "nomad"
  | "descriptor"
  | "codeowners"
  | "script"
  | "proto";

const BUILD_MANIFESTS = new Set([
  "package.json",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "settings.gradle",
  "settings.gradle.kts",
  "go.mod",
  "Cargo.toml",
  "pyproject.toml",
  "setup.py",
  "requirements.txt",
  "Pipfile",
  "Gemfile",
  "composer.json",
  "mix.exs",
  "CMakeLists.txt",
  "Directory.Build.props",
]);

// Where a process starts, by convention per language: read to tell a runnable module from a library.
const ENTRY_POINTS =
  /^(main\.go|Program\.cs|Startup\.cs|.*Application\.(java|kt)|Main\.(java|kt)|main\.py|app\.py|server\.py|manage\.py|wsgi\.py|asgi\.py|__main__\.py|server\.[cm]?[jt]s|index\.[cm]?[jt]s|app\.[cm]?[jt]s|main\.[cm]?[jt]s|main\.rs|config\.ru|application\.rb|app\.rb|server\.rb|main\.rb|index\.php|artisan)$/;

/** The kind of a source-root-relative path for the inventory, or null when the file does not shape the repository. */
export function structureKind(opts: { path: string; chartDirs?: ReadonlySet<string> }): StructureKind | null {
  const segments = opts.path.split("/");
  const base = segments.at(-1) ?? "";
  const dir = segments.slice(0, -1).join("/");
  if (/^(Dockerfile|Containerfile)([.-].*)?$/.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return "dockerfile";
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(base)) return "compose";
  if (/^skaffold\.ya?ml$/.test(base)) return "skaffold";
  if (/^(kustomization\.ya?ml|Kustomization)$/.test(base)) return "kustomization";
  if (base === "Chart.yaml" || base === "Chart.yml") return "helm-chart";
  const chart = chartOf(dir, opts.chartDirs);
  if (chart !== null) {
    if (dir === chart && /^values(\.[\w-]+)?\.ya?ml$/.test(base)) return "helm-values";
    if (dir.startsWith(`${chart === "" ? "" : `${chart}/`}templates`) && /\.(ya?ml|tpl|txt)$/.test(base)) return "helm-template";
  }
  if (dir === ".github/workflows" && /\.ya?ml$/.test(base)) return "workflow";
  if (/^(\.gitlab-ci|cloudbuild|azure-pipelines|bitbucket-pipelines)\.ya?ml$/.test(base)) return "workflow";
  if (CONVENTION_PLUGIN.test(opts.path)) return "build-manifest";
  if (BUILD_MANIFESTS.has(base) || /\.(csproj|fsproj|sln)$/.test(base) || /^requirements[-_.][\w.-]*\.txt$/.test(base))
    return "build-manifest";
  if (/^Procfile(\..*)?$/.test(base)) return "procfile";
  if (/\.nomad(\.hcl)?$/.test(base)) return "nomad";
  if (/^(catalog-info|dozen)\.ya?ml$/.test(base)) return "descriptor";
  if (base === "CODEOWNERS") return "codeowners";
  // Build and deploy scripts CI steps call (`./scripts/build-docker.sh trainer`, `kubectl autoscale` loops).
  if (/\.(sh|bash)$/.test(base)) return "script";
  // A gRPC contract is often shared by every service of the repository (`protos/demo.proto`).
  if (/\.proto$/.test(base)) return "proto";
  if (/\.ya?ml$/i.test(base)) return "yaml";
  if (ENTRY_POINTS.test(base)) return "entry-point";
  return null;
}

/** The chart directory a path lies in (a directory holding Chart.yaml), or null. */
function chartOf(dir: string, charts: ReadonlySet<string> | undefined): string | null {
  if (!charts) return null;
  for (let d = dir; ; d = d.includes("/") ? d.slice(0, d.lastIndexOf("/")) : "") {
    if (charts.has(d)) return d;
    if (d === "") return null;
  }
}
