import { productionFiles, serverSourceFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { APM_AGENT_CODE, APM_AGENT_PACKAGES, findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, lineEvidence, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findServerStarts } from "@/lib/rules/helpers/http-server";
import { dig, manifestEvidence } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";

/** Metrics and tracing client libraries (APM agents are in APM_AGENT_PACKAGES). Spring Cloud's Hystrix stream and
 * Turbine publish command metrics; open-telemetry/* are PHP's OpenTelemetry packages. */
const TELEMETRY_PACKAGES =
  /^(prom-client|express-prom-bundle|@opentelemetry\/[\w-]+|@vercel\/otel|hot-shots|open-telemetry\/[\w-]+|([\w.-]+:)?spring-cloud-(starter-)?netflix-(hystrix-stream|turbine[\w-]*)|prometheus[-_]client|prometheus[-_]fastapi[-_]instrumentator|starlette[-_]exporter|django[-_]prometheus|opentelemetry[\w-]*|ddtrace|statsd|datadog|github\.com\/prometheus\/client_golang[\w/]*|go\.opentelemetry\.io\/[\w/.-]+|expvar|io\.micrometer:[\w-]+|micrometer[\w-]*|io\.prometheus:[\w-]+|io\.opentelemetry[\w.:-]*|spring-boot-starter-actuator|org\.springframework\.boot:spring-boot-starter-actuator|prometheus-net[\w.]*|OpenTelemetry[\w.]*|App\.Metrics[\w.]*)$/i;
const JS = /\bcollectDefaultMetrics\(|\bregisterOTel\(|\bnew\s+(client\.)?(Counter|Histogram|Gauge|Summary)\(\s*\{|@opentelemetry\//;
const CODE = {
  javascript: JS,
  typescript: JS,
  python: /\bprometheus_client\b|\bopentelemetry\b|\bmake_asgi_app\(|\bInstrumentator\(/,
  go: /\bpromhttp\.Handler\(|\bprometheus\.(NewCounter|NewHistogram|MustRegister)|go\.opentelemetry\.io|"expvar"/,
  java: /\bio\.micrometer\b|\bMeterRegistry\b|\bio\.prometheus\b|\bio\.opentelemetry\b/,
  kotlin: /\bio\.micrometer\b|\bMeterRegistry\b|\bio\.opentelemetry\b/,
  // .NET Aspire: the ServiceDefaults project a service calls (AddServiceDefaults) configures OpenTelemetry metrics.
  csharp: /\bUseHttpMetrics\(|\bMapMetrics\(|\bAddOpenTelemetry\(|\bPrometheus\b|\.Add\w*ServiceDefaults\(/,
  php: /\bOpenTelemetry\\(API|SDK)\\|\bGlobals::meterProvider\(/,
};
/** A /metrics route in any language (actix `.route("/metrics", ...)`, a hand-written Prometheus text endpoint). */
const METRICS_ROUTE = /["'`]\/metrics["'`]/;
/** Config that turns metrics on: Spring Boot Actuator's exposure list. */
const CONFIG = /management\.endpoints\.web\.exposure\.include\s*[=:].*(prometheus|metrics)/;

export const rule: RepositoryCheck = {
  id: "exposesMetrics",
  version: 2,
  factor: "telemetry",
  title: "The service exposes metrics or traces",
  rationale:
    "You cannot run what you cannot see: request rates, errors, latency and saturation must be observable from " +
    "outside the process (Prometheus, OpenTelemetry, StatsD) to alert, autoscale and debug in production.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 5,
  kinds: APPLICATIONS,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const evidence = [
      ...findDependencies(facts, TELEMETRY_PACKAGES).map((d) => d.evidence),
      ...findDependencies(facts, APM_AGENT_PACKAGES).map((d) => d.evidence),
      ...findLineMatches({ facts, patterns: CODE, limit: 3 }).map((m) => matchEvidence(m)),
      ...findLineMatches({ facts, patterns: METRICS_ROUTE, limit: 1 }).map((m) => matchEvidence(m)),
      ...findLineMatches({ facts, patterns: { default: CONFIG }, files: configFiles(facts), limit: 1 }).map((m) => matchEvidence(m)),
      ...findLineMatches({ facts, patterns: APM_AGENT_CODE, files: productionFiles(facts), limit: 3 }).map((m) => matchEvidence(m)),
      ...scrapeAnnotations(facts),
    ];
    if (evidence.length > 0) return pass("Metrics or traces are exported.", evidence);
    if (serverSourceFiles(facts).length === 0) return notAvailable("Only browser assets are readable; the server's language is not.");
    const start = findServerStarts(facts)[0];
    const first = sourceFiles(facts)[0];
    const where = start ? matchEvidence(start) : first ? lineEvidence({ file: first, lineStart: 1 }) : undefined;
    return fail("No metrics or tracing library or endpoint found.", where ? [where] : []);
  },
};

/** `prometheus.io/scrape: "true"` on a pod template, or a ServiceMonitor/PodMonitor. */
function scrapeAnnotations(facts: ServiceFacts): RepoEvidence[] {
  return facts.manifests
    .filter(
      (m) =>
        m.kind === "ServiceMonitor" ||
        m.kind === "PodMonitor" ||
        dig(m.object, "spec", "template", "metadata", "annotations", "prometheus.io/scrape") === "true",
    )
    .map((m) => manifestEvidence(facts, m, /prometheus\.io\/scrape|kind:\s*(Service|Pod)Monitor/));
}

/** Config files (no language): application.properties, application.yml. */
function configFiles(facts: ServiceFacts) {
  return productionFiles(facts).filter((f) => f.language === null);
}
