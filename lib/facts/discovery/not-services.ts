// What is never a service, whatever it holds: test suites, docs and samples, tooling and infrastructure code,
// mobile apps, shared libraries by name. Knowledge as data: a new convention is a line here with a fixture.
const NOT_SERVICE_SEGMENTS = new Set([
  "test",
  "tests",
  "__tests__",
  "e2e",
  "e2e-tests",
  "integration-tests",
  "functional-tests",
  "testing",
  "testdata",
  "test-data",
  "cypress",
  "playwright",
  "ui-tests",
  "uitest",
  "uitests",
  "testutils",
  "test-utils",
  "docs",
  "doc",
  "documentation",
  "examples",
  "example",
  "samples",
  "scripts",
  "hack",
  "tools",
  "tooling",
  "ci",
  ".devcontainer",
  ".github",
  "terraform",
  "iac",
  "infra",
  "infrastructure",
  "genproto",
  "protos",
  "proto",
  "codegen",
  "common",
  "shared",
  "libs",
  "lib",
  "react-native-app",
  "mobile",
  "android",
  "ios",
  "clientapp",
  "hybridapp",
]);

// .NET and JVM test, tool and library project names.
const NOT_SERVICE_NAME =
  /(\.|-|_)(Tests?|UnitTests?|IntegrationTests?|FunctionalTests?|Specs?|Benchmarks?|TestUtils|AppHost|ServiceDefaults|Shared|Common|Contracts|Domain|Infrastructure|Messaging)$|^(Test|Tests|UITest|TestUtils)$/i;

/**
 * True for a path (a folder, a Dockerfile, a declaration) inside a test suite, docs, samples, tooling, infra
 * code or a mobile app — never a service. Package folders called `sample` or `example` inside a source tree
 * (`src/main/java/com/acme/sample/`) are code, not samples: only `samples/`/`examples/` folders and a `sample`
 * folder outside a source tree count.
 */
export function isNotAService(path: string): boolean {
  const segments = path.split("/");
  const folders =
    /\.[\w]+$/.test(segments.at(-1) ?? "") && !/\.(API|Api|Web|Service)$/.test(segments.at(-1) ?? "") ? segments.slice(0, -1) : segments;
  const inSourceTree = folders.some((s, i) => s === "src" && (folders[i + 1] === "main" || folders[i + 1] === "test"));
  return folders.some((s, i) => {
    const lower = s.toLowerCase();
    if (lower === "sample" || lower === "example") return !inSourceTree;
    if (inSourceTree && (lower === "test" || lower === "tests")) return true;
    // Maven's integration tests (maven-invoker-plugin, failsafe): `src/it/<project>` trees are test code.
    if (s === "it" && folders[i - 1] === "src") return true;
    return NOT_SERVICE_SEGMENTS.has(lower) || NOT_SERVICE_NAME.test(s);
  });
}

/** A Dockerfile for tooling rather than the runtime image: debug, dev, test, CI, codegen variants. */
export function isToolDockerfile(path: string): boolean {
  const base = path.split("/").at(-1) ?? "";
  if (/(^|\/)[\w-]*emulator[\w-]*\/[^/]+$/i.test(path)) return true;
  return (
    /^(Dockerfile|Containerfile)[.-](debug|dev|devel|develop|development|test|tests|testing|e2e|cypress|local|ci|tools?|build|builder|codegen|proto|lint|docs?|run)$/i.test(
      base,
    ) || /^(debug|dev|test|tools?|codegen)\.(dockerfile|containerfile)$/i.test(base)
  );
}

// Images used as they are: data stores, brokers, proxies and observability backends from their vendors.
const THIRD_PARTY =
  /^(docker\.io\/)?(library\/)?(postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|valkey|memcached|rabbitmq|nats|kafka|zookeeper|elasticsearch|opensearch|cassandra|couchdb|minio|localstack|nginx|httpd|traefik|envoy|haproxy|busybox|alpine|ubuntu|debian|curlimages\/curl|jaegertracing\/.*|grafana\/.*|prom\/.*|otel\/.*|openzipkin\/.*|bitnami\/.*|confluentinc\/.*|apache\/.*|mcr\.microsoft\.com\/(mssql|azure-sql-edge|cosmosdb|azure-storage).*|quay\.io\/(prometheus|coreos)\/.*|gcr\.io\/google[-_]containers\/.*|registry\.k8s\.io\/.*|docker\.elastic\.co\/.*|mailhog\/mailhog|mailpit\/.*|axllent\/mailpit|datalust\/seq|vault|consul|hashicorp\/.*|weaveworks\/scope|dpage\/pgadmin4)(:|@|$)/i;

/** True for an image a repository runs as its vendor ships it (a backing service, never one of its services). */
export function isThirdPartyImage(image: string): boolean {
  return image === "" || THIRD_PARTY.test(image);
}
