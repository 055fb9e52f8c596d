import { productionFiles, serverSourceFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { APM_AGENT_CODE, APM_AGENT_PACKAGES, findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { dig, manifestEvidence } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";

/** Distributed-tracing SDKs and bridges (APM agents are in APM_AGENT_PACKAGES). */
const TRACING_PACKAGES =
  /^(@opentelemetry\/[\w-]+|@vercel\/otel|opentelemetry[\w-]*|go\.opentelemetry\.io\/[\w/.-]+|io\.opentelemetry[\w.:-]*|io\.micrometer:micrometer-tracing[\w-]*|OpenTelemetry[\w.]*|opentelemetry-[\w-]+|open-telemetry\/[\w-]+|([\w.-]+:)?spring-boot-starter-zipkin|([\w.-]+:)?spring-cloud-starter-zipkin|([\w.-]+:)?spring-cloud-gcp-starter-trace|io\.zipkin[\w.:-]*|io\.jaegertracing:[\w-]+|jaeger-client)$/i;
const JS = /@opentelemetry\/|\bregisterOTel\(|\bNodeSDK\(|require\(["']dd-trace["']\)/;
const CODE = {
  javascript: JS,
  typescript: JS,
  python: /\bopentelemetry\b|\bddtrace\b/,
  go: /go\.opentelemetry\.io\/otel|\botel\.Tracer\(/,
  java: /\bio\.opentelemetry\b|@WithSpan\b/,
  kotlin: /\bio\.opentelemetry\b/,
  // .NET Aspire: the ServiceDefaults project a service calls (AddServiceDefaults) configures OpenTelemetry.
  csharp: /\.WithTracing\(|\bAddOpenTelemetry\(|\bActivitySource\(|\.Add\w*ServiceDefaults\(/,
  ruby: /OpenTelemetry::SDK|\bDatadog\.configure\b/,
  php: /\bOpenTelemetry\\(API|SDK)\\|\bGlobals::tracerProvider\(/,
};
// OpenTelemetry Operator auto-instrumentation, or an OTLP exporter configured for the workload.
const ANNOTATION = /^instrumentation\.opentelemetry\.io\/inject-/;

function fromManifests(facts: ServiceFacts): RepoEvidence[] {
  return facts.manifests
    .filter((m) => {
      const annotations = dig(m.object, "spec", "template", "metadata", "annotations") ?? dig(m.object, "metadata", "annotations");
      return typeof annotations === "object" && annotations !== null && Object.keys(annotations).some((k) => ANNOTATION.test(k));
    })
    .map((m) => manifestEvidence(facts, m, /instrumentation\.opentelemetry\.io/));
}

export const rule: RepositoryCheck = {
  id: "emitsTraces",
  version: 2,
  factor: "telemetry",
  title: "The service emits distributed traces (OpenTelemetry or an APM agent)",
  rationale:
    "In a fleet, one request crosses many services. Traces show where its time went and which hop failed; metrics " +
    "say that something is slow, traces say where.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 3,
  kinds: APPLICATIONS,
  evaluate(facts) {
    const sources = sourceFiles(facts);
    if (sources.length === 0) return notApplicable("No source code to inspect.");
    const evidence = [
      ...findDependencies(facts, TRACING_PACKAGES).map((d) => d.evidence),
      ...findDependencies(facts, APM_AGENT_PACKAGES).map((d) => d.evidence),
      ...findLineMatches({ facts, patterns: CODE, limit: 3 }).map((m) => matchEvidence(m)),
      ...findLineMatches({ facts, patterns: APM_AGENT_CODE, files: productionFiles(facts), limit: 3 }).map((m) => matchEvidence(m)),
      ...fromManifests(facts),
    ];
    if (evidence.length > 0) return pass("Tracing is set up.", evidence);
    if (serverSourceFiles(facts).length === 0) return notAvailable("Only browser assets are readable; the server's language is not.");
    const start = firstHttpEvidence(facts);
    const where = start
      ? matchEvidence(start)
      : pathEvidence({ facts, path: facts.dependencyManifests[0]?.path ?? sources[0]?.path ?? facts.service.path });
    return fail("No tracing SDK, agent or auto-instrumentation found.", [where]);
  },
};
