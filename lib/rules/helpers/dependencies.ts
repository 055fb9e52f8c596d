import { pathEvidence, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import type { RepoEvidence } from "@/lib/rules/types";
import type { DependencyManifest, ServiceFacts } from "@/lib/facts/types";
import { productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findImports } from "@/lib/rules/helpers/imports";
import { perFacts } from "@/lib/rules/helpers/per-facts";
import { pythonDistribution } from "@/lib/rules/helpers/python-distributions";

const importedModules = perFacts((facts): string[] => [...new Set(findImports(sourceFiles(facts)).map((i) => i.module))]);

const LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum)$/;

/** A non-source production file (a script, a Dockerfile, a manifest, a Procfile) that names `text` off the declaring line. */
function commandNames(facts: ServiceFacts, manifest: DependencyManifest, dep: { line: number }, text: string): boolean {
  return productionFiles(facts).some(
    (f) =>
      f.language === null &&
      !LOCKFILE.test(f.path) &&
      f.lines.some((line, i) => !(f.path === manifest.path && i === dep.line - 1) && line.includes(text)),
  );
}

const imports = (facts: ServiceFacts, module: string, separator: string) =>
  importedModules(facts).some((m) => m === module || m.startsWith(`${module}${separator}`));

/**
 * A declared npm, Go or Python dependency is used when the service's own code imports it (or a module below
 * it), or, npm and Python, when a command names it (`node -r newrelic`, `NODE_OPTIONS=--require @opentelemetry/…`,
 * `ddtrace-run`, `opentelemetry-instrument` in a script, a Dockerfile or a manifest). A Python distribution is
 * imported by its module name (lib/rules/helpers/python-distributions.ts: `pyjwt` as `jwt`). NuGet, Maven,
 * Gradle, Cargo, Composer and Bundler coordinates do not say their import names, and a JVM library acts by
 * being on the classpath: there, declared is used.
 */
function isUsed(facts: ServiceFacts, manifest: DependencyManifest, dep: { name: string; line: number }): boolean {
  switch (manifest.ecosystem) {
    case "go":
      return imports(facts, dep.name, "/");
    case "npm":
      return imports(facts, dep.name, "/") || commandNames(facts, manifest, dep, dep.name);
    case "pip":
    case "poetry": {
      const { modules, commands } = pythonDistribution(dep.name);
      return modules.some((m) => imports(facts, m, ".")) || commands.some((c) => commandNames(facts, manifest, dep, c));
    }
    default:
      return true;
  }
}

/**
 * Declared dependencies whose name matches and that the service uses, with evidence at the declaring line. Go
 * modules marked `// indirect` are left out (a library of a library), and so are npm and Go dependencies that no
 * code imports and no command names: declared is not used.
 */
export function findDependencies(facts: ServiceFacts, name: RegExp): { name: string; evidence: RepoEvidence }[] {
  const found: { name: string; evidence: RepoEvidence }[] = [];
  for (const manifest of facts.dependencyManifests) {
    if (isIgnoredPath(pathInService(facts.service.path, manifest.path))) continue;
    const lines = manifest.ecosystem === "go" ? facts.textFiles.find((f) => f.path === manifest.path)?.lines : undefined;
    for (const dep of manifest.dependencies) {
      if (lines?.[dep.line - 1]?.includes("// indirect")) continue;
      if (name.test(dep.name) && isUsed(facts, manifest, dep)) {
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
