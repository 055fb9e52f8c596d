import { detectLanguage } from "@/lib/facts/detect-language";

/** What a file is for the collector; decides whether it is read and which parser sees it. */
export type PathKind =
  "dockerfile" | "compose" | "procfile" | "dependency-manifest" | "lockfile" | "yaml" | "source" | "config" | "key" | "other";

// Folders whose content must never produce findings: tests, docs, vendored and sample code.
// Kept in step with the rules' own ignore list (lib/rules/helpers/is-ignored-path.ts).
const EXCLUDED_DIRS = new Set([
  "test",
  "tests",
  "__tests__",
  "__mocks__",
  "mocks",
  "mock",
  "spec",
  "specs",
  "e2e",
  "cypress",
  "testing",
  "testdata",
  "test-data",
  "fixtures",
  "__fixtures__",
  "docs",
  "doc",
  "vendor",
  "third_party",
  "third-party",
  "bower_components",
  "examples",
  "example",
  "samples",
  "sample",
]);
const TEST_DIR = /\.Tests?$/; // .NET test projects: Payments.Api.Tests/
const TEST_FILE =
  /(\.(test|spec|e2e)\.[^.]+$)|(_test\.go$)|(Tests?\.(java|kt|cs)$)|(^test_.*\.py$)|(_test\.py$)|(_spec\.rb$)|(^conftest\.py$)|(\.min\.js$)|(\.pb\.go$)/;

/** File names of lockfiles: their presence matters to rules, their text does not, so they are never read. */
export const LOCKFILE_NAMES: ReadonlySet<string> = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "go.sum",
  "Gemfile.lock",
  "Cargo.lock",
  "packages.lock.json",
  "composer.lock",
  "gradle.lockfile",
]);
const MANIFESTS = new Set([
  "package.json",
  "pyproject.toml",
  "Pipfile",
  "go.mod",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "Gemfile",
  "Cargo.toml",
  "composer.json",
]);
const CONFIG_NAMES = new Set([
  ".dockerignore",
  ".gitignore",
  "Makefile",
  ".nvmrc",
  ".node-version",
  ".python-version",
  ".ruby-version",
  ".tool-versions",
  "runtime.txt",
  ".envrc",
  "Vagrantfile",
  "Jenkinsfile",
  "nginx.conf",
]);
const CONFIG_EXT = /\.(env|properties|json|toml|ini|conf|cfg|xml|gradle|gradle\.kts|config)$/i;

const SAMPLE_DIRS = new Set(["examples", "example", "samples", "sample"]);

/**
 * Classifies a path relative to the SERVICE directory (so a service that itself lives under `examples/` is
 * not excluded wholesale). `excluded` marks tests, docs, vendored and example code: listed in `files`,
 * never read into facts, so rules never produce findings from them.
 */
export function classifyPath(opts: { path: string }): { kind: PathKind; excluded: boolean } {
  const segments = opts.path.split("/");
  const base = segments.at(-1) ?? "";
  const folders = segments.slice(0, -1);
  // A package called `sample` inside a source tree (src/main/java/com/acme/sample/) is code, not a sample.
  const inSourceTree = (i: number) => folders.slice(0, i).some((s, j) => s === "src" && folders[j + 1] === "main");
  const excluded =
    folders.some(
      (s, i) => (EXCLUDED_DIRS.has(s.toLowerCase()) && !(SAMPLE_DIRS.has(s.toLowerCase()) && inSourceTree(i))) || TEST_DIR.test(s),
    ) || TEST_FILE.test(base);
  return { kind: kindOf(base), excluded };
}

function kindOf(base: string): PathKind {
  if (/^(Dockerfile|Containerfile)([.-].*)?$/.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return "dockerfile";
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(base)) return "compose";
  if (/^Procfile(\..*)?$/.test(base)) return "procfile";
  if (LOCKFILE_NAMES.has(base)) return "lockfile";
  if (MANIFESTS.has(base) || /^(.*[-_.])?requirements([-_.].*)?\.txt$/.test(base) || /\.csproj$/.test(base)) return "dependency-manifest";
  if (/\.ya?ml$/i.test(base)) return "yaml";
  if (/\.(pem|key|jwk)$/i.test(base) || /^id_(rsa|dsa|ecdsa|ed25519)$/.test(base)) return "key";
  if (detectLanguage({ path: base }) !== null) return "source";
  if (/^\.env(\..*)?$/.test(base) || CONFIG_NAMES.has(base) || CONFIG_EXT.test(base)) return "config";
  return "other";
}
