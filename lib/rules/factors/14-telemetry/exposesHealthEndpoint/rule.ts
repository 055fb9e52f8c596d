import { serverSourceFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { findLineMatches, lineEvidence, matchEvidence, pathEvidence, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { containerEvidence, containers, dig, longRunningWorkloads } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";

// Knowledge as data: a health route in any language, plus each language's health-check frameworks and the
// standard gRPC health service (grpc.health.v1), which is what gRPC probes and load balancers ask.
const ROUTE = String.raw`["'\x60]([A-Z]+\s+)?\/(_?(health|healthz|healthcheck|ready|readyz|readiness|live|livez|liveness)|ping|status|actuator\/health)\b[\w/-]*["'\x60]`;
const withRoute = (framework: string) => new RegExp(`${ROUTE}|${framework}`);
const JS = String.raw`grpc\.health\.v1|["']grpc(-js)?-health-check["']|@nestjs\/terminus|\bHealthCheckService\b|\bcreateTerminus\(`;
const JVM = String.raw`\bHealthStatusManager\b|\bio\.grpc\.(protobuf\.services\.|services\.)?Health|\bgrpc\.health\.v1\b`;
const HEALTH: LanguagePatterns = {
  default: new RegExp(ROUTE),
  javascript: withRoute(JS),
  typescript: withRoute(JS),
  go: withRoute(String.raw`\bgrpc_health_v1\b|\bhealth\.NewServer\(`),
  java: withRoute(JVM),
  kotlin: withRoute(JVM),
  csharp: withRoute(
    String.raw`\bMapHealthChecks\(|\bUseHealthChecks\(|\bGrpc\.Health\.V1\b|\bAddGrpcHealthChecks\(|\bMapGrpcHealthChecksService\(`,
  ),
  python: withRoute(String.raw`\bgrpc_health\b|\bhealth_pb2_grpc\b|\bHealthServicer\(`),
};
/** Health-check libraries, and Spring Cloud servers that bring Spring Boot Actuator (/actuator/health) with them. */
const HEALTH_PACKAGES =
  /^(@godaddy\/terminus|lightship|express-healthcheck|@nestjs\/terminus|grpc(-js)?-health-check|grpcio-health-checking|([\w.-]+:)?spring-boot-starter-actuator|([\w.-]+:)?spring-cloud-config-server|([\w.-]+:)?spring-cloud-starter-netflix-(eureka-server|zuul)|([\w.-]+:)?spring-cloud-starter-stream-[\w-]+|django-health-check|fastapi-health|github\.com\/heptiolabs\/healthcheck|github\.com\/alexliesenfeld\/health|google\.golang\.org\/grpc\/health[\w/]*|AspNetCore\.HealthChecks[\w.]*|Microsoft\.Extensions\.Diagnostics\.HealthChecks[\w.]*|Grpc\.HealthCheck|Grpc\.AspNetCore\.HealthChecks)$/i;
/** An image HEALTHCHECK that asks the process over HTTP: the process serves that endpoint. */
const HTTP_HEALTHCHECK = /\b(curl|wget)\b.*https?:\/\/[^\s/]+\/\S+/;
/** A probe path that names a health endpoint. */
const PROBE_PATH = /^\/?([\w-]+\/)*_?(health|healthz|healthcheck|ready|readyz|readiness|live|livez|liveness|ping|hc)\b/i;
/** Where a process starts, to point a failure at when it serves no HTTP. */
const ENTRY_FILE =
  /(^|\/)(Program\.cs|main\.(go|py|rs|kt|java|ts|js)|index\.[cm]?[jt]s|server\.[cm]?[jt]s|app\.py|\w*Application\.(java|kt))$/;

export const rule: RepositoryCheck = {
  id: "exposesHealthEndpoint",
  version: 3,
  factor: "telemetry",
  title: "The service exposes a health endpoint",
  rationale:
    "A health endpoint is the cheapest telemetry there is: load balancers, probes, uptime checks and humans can ask " +
    "the process whether it is alive and ready, instead of inferring it from errors. A worker needs one too (or a " +
    "liveness command its probe runs): nothing else tells a stuck consumer from a busy one.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  kinds: APPLICATIONS,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const found = [
      ...findLineMatches({ facts, patterns: HEALTH, files: serverSourceFiles(facts), limit: 3 }).map((m) => matchEvidence(m)),
      ...healthRoutesInTree(facts),
      ...findDependencies(facts, HEALTH_PACKAGES).map((d) => d.evidence),
      ...imageHealthchecks(facts),
      ...probedByPlatform(facts),
    ];
    if (found.length > 0) return pass("A health endpoint is served.", found.slice(0, 5));
    if (serverSourceFiles(facts).length === 0) return notAvailable("Only browser assets are readable; the server's language is not.");
    const http = firstHttpEvidence(facts);
    if (http) return fail("No /health, /healthz or /ready route (or health-check library) found.", [matchEvidence(http)]);
    return fail("No health endpoint or liveness command: nothing can tell whether the process is alive.", [entryEvidence(facts)]);
  },
};

// A route registered without a leading slash (Nest's `@Get('health')`, `router.route("healthz")`).
const HEALTH_NAME = /^\/?_?(health|healthz|healthcheck|ready|readyz|readiness|live|livez|liveness)(\/[\w-]*)?$/i;
// Calls and annotations that register a route with its path as an argument.
const ROUTE_CALL = /(^|[.@])(Get|get|route|Route|GetMapping|RequestMapping|MapGet|HandleFunc|Handle|handle|HttpGet|api_view|path|re_path)$/;
// A Next.js route handler or API route whose folder or file is the health path.
const ROUTE_FILE =
  /(^|\/)(app\/(.+\/)?_?(health|healthz|healthcheck|ready|readyz|live|livez)\/route|pages\/api\/(.+\/)?(health|healthz|ready|readyz))\.[cm]?[jt]sx?$/;

/** Health routes as the syntax tree and the file layout show them: a route call's path literal, a route handler's folder. */
function healthRoutesInTree(facts: ServiceFacts): RepoEvidence[] {
  const out: RepoEvidence[] = [];
  for (const file of serverSourceFiles(facts)) {
    if (ROUTE_FILE.test(file.path)) out.push(lineEvidence({ file, lineStart: 1 }));
    const route = file.syntax?.strings.find((s) => s.call !== null && ROUTE_CALL.test(s.call) && HEALTH_NAME.test(s.value));
    if (route) out.push(lineEvidence({ file, lineStart: route.line }));
  }
  return out.slice(0, 3);
}

function imageHealthchecks(facts: ServiceFacts): RepoEvidence[] {
  return facts.dockerfiles.flatMap((df) =>
    finalStageInstructions(df)
      .filter((i) => i.keyword === "HEALTHCHECK" && HTTP_HEALTHCHECK.test(i.args))
      .map((i) => pathEvidence({ facts, path: df.path, line: i.lineStart, snippet: `HEALTHCHECK ${i.args}` })),
  );
}

/**
 * Probes that ask the process itself whether it is healthy: an HTTP probe on a health path (a probe on `/` only
 * fetches the home page), the gRPC health protocol, or a liveness command run in the container.
 */
function probedByPlatform(facts: ServiceFacts): RepoEvidence[] {
  const asksHealth = (probe: unknown) =>
    dig(probe, "grpc") !== undefined ||
    dig(probe, "exec") !== undefined ||
    (typeof dig(probe, "httpGet", "path") === "string" && PROBE_PATH.test(dig(probe, "httpGet", "path") as string));
  return longRunningWorkloads(facts).flatMap((m) =>
    containers(m)
      .filter((c) => asksHealth(dig(c, "livenessProbe")) || asksHealth(dig(c, "readinessProbe")))
      .map((c) => containerEvidence(facts, m, c, /(liveness|readiness)Probe/)),
  );
}

function entryEvidence(facts: ServiceFacts): RepoEvidence {
  const files = serverSourceFiles(facts);
  const file = files.find((f) => ENTRY_FILE.test(f.path)) ?? files[0];
  return file ? lineEvidence({ file, lineStart: 1 }) : pathEvidence({ facts, path: facts.service.path });
}
