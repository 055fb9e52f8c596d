/**
 * Paths whose code never runs in production: tests, docs, examples, vendored and generated code. Rules skip
 * them so a password in a test fixture or a `listen(8080)` in a README snippet does not cost a service points.
 * Paths are judged relative to the service, so a service that itself lives under `examples/` is still scanned.
 */
const TEST = [
  /(^|\/)(tests?|__tests__|specs?|testdata|test-data|testing|fixtures|__fixtures__|__mocks__|mocks?|e2e|cypress|src\/test|src\/it)\//i,
  // Benchmarks measure the code; they do not ship with it (`bench/`, Rust's `benches/`, `benchmarks/`).
  /(^|\/)(bench|benches|benchmarks?)\//i,
  /\.(test|spec|e2e)\.[cm]?[jt]sx?$/i,
  // Test runners' own configuration is test code too.
  /(^|\/)(cypress|playwright|jest|vitest|karma|wdio)\.config\.[cm]?[jt]s$/i,
  /(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/,
  /_test\.go$/,
  /Tests?\.(java|kt|cs)$|(^|\/)[^/]+\.Tests?\//,
  /_spec\.rb$/,
];
// A package called `sample` inside a source tree (src/main/java/com/acme/sample/) is code, not a sample.
const DOCS = [/(^|\/)docs?\//i, /^(?!(.*\/)?src\/main\/)(.*\/)?(examples?|samples?)\//i, /\.(md|mdx|rst|adoc)$/i];
const VENDORED = [
  /(^|\/)(node_modules|vendor|third[_-]party|bower_components|\.venv|venv|site-packages|\.git)\//,
  /(^|\/)(dist|build|out|target|bin\/(Debug|Release)|obj)\//,
  /\.min\.js$|\.generated\.[a-z]+$|\.pb\.go$/,
];

/** True for test code, including fixtures and mocks. */
export function isTestPath(path: string): boolean {
  return TEST.some((re) => re.test(path));
}

/** True when a path, relative to its service directory, holds no production code or config. */
export function isIgnoredPath(path: string): boolean {
  return isTestPath(path) || DOCS.some((re) => re.test(path)) || VENDORED.some((re) => re.test(path));
}

/** The part of a source-root-relative path inside the service directory ("." is the root). */
export function pathInService(servicePath: string, path: string): string {
  if (servicePath === "." || servicePath === "") return path;
  const prefix = servicePath.endsWith("/") ? servicePath : `${servicePath}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
