import { pathEvidence, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

/**
 * Declared dependencies whose name matches, with evidence at the declaring line. Go modules marked
 * `// indirect` are left out: a library of a library, not something the service itself calls.
 */
export function findDependencies(facts: ServiceFacts, name: RegExp): { name: string; evidence: RepoEvidence }[] {
  const found: { name: string; evidence: RepoEvidence }[] = [];
  for (const manifest of facts.dependencyManifests) {
    if (isIgnoredPath(pathInService(facts.service.path, manifest.path))) continue;
    const lines = manifest.ecosystem === "go" ? facts.textFiles.find((f) => f.path === manifest.path)?.lines : undefined;
    for (const dep of manifest.dependencies) {
      if (lines?.[dep.line - 1]?.includes("// indirect")) continue;
      if (name.test(dep.name)) {
        found.push({ name: dep.name, evidence: pathEvidence({ facts, path: manifest.path, line: dep.line, snippet: dep.name }) });
      }
    }
  }
  return found;
}

/**
 * APM agents (Instana, Datadog, New Relic, Elastic, Dynatrace, AppDynamics): each traces requests and reports
 * metrics, so emitsTraces and exposesMetrics both accept them. Knowledge as data: a new vendor is a line here.
 */
export const APM_AGENT_PACKAGES =
  /^(@instana\/[\w-]+|instana|instana\/instana-php-sdk|com\.instana:[\w-]+|github\.com\/instana\/go-sensor[\w/]*|dd-trace|ddtrace|ddtrace-rb|gopkg\.in\/DataDog\/dd-trace-go[\w./-]*|github\.com\/DataDog\/dd-trace-go[\w./-]*|Datadog\.Trace[\w.]*|com\.datadoghq:dd-[\w-]+|newrelic|newrelic_rpm|com\.newrelic\.agent\.java:[\w-]+|github\.com\/newrelic\/go-agent[\w/]*|NewRelic\.Agent[\w.]*|elastic-apm-node|elastic-apm|co\.elastic\.apm:[\w-]+|go\.elastic\.co\/apm[\w/]*|Elastic\.Apm[\w.]*|@dynatrace\/oneagent[\w-]*|appdynamics)$/i;

/** APM agents started from code (a Go import, a Node require) or attached to the JVM in a Dockerfile. */
export const APM_AGENT_CODE: LanguagePatterns = {
  javascript:
    /require\(\s*["'](@instana\/collector|dd-trace|newrelic|elastic-apm-node)["']\)|from\s+["'](@instana\/collector|dd-trace|newrelic|elastic-apm-node)["']/,
  typescript:
    /require\(\s*["'](@instana\/collector|dd-trace|newrelic|elastic-apm-node)["']\)|from\s+["'](@instana\/collector|dd-trace|newrelic|elastic-apm-node)["']/,
  go: /"github\.com\/instana\/go-sensor"|"(gopkg\.in|github\.com)\/DataDog\/dd-trace-go[\w./-]*"|"github\.com\/newrelic\/go-agent[\w/]*"|"go\.elastic\.co\/apm[\w/]*"/,
  python: /^\s*(import|from)\s+(instana|ddtrace|newrelic|elasticapm)\b/,
  default: /-javaagent:\S*(opentelemetry|dd-java-agent|newrelic|elastic-apm-agent|instana)\S*\.jar/,
};
