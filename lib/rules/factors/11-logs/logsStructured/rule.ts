import { productionFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, matchEvidence, pathEvidence, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { allContainers, dig, objects } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";
import { APPLICATIONS_AND_JOBS } from "@/lib/rules/helpers/kinds";

// Knowledge as data. A structured event is one JSON object per line on stdout, or a record exported as OTLP
// (an OpenTelemetry log bridge or agent): both keep fields queryable. Anything else that logs is free text.

const JVM_JSON = /JsonTemplateLayout|<JsonLayout|JSONLayout|LogstashEncoder|EcsLayout|StructuredArguments/;
const JS_JSON =
  /\bconsole\.\w+\(\s*JSON\.stringify\(|process\.stdout\.write\(\s*JSON\.stringify\(|\bpino\(|\bpinoHttp\(|\bFastify\(\s*\{\s*logger\b|format\.json\(\)|\bbunyan\.createLogger\(/;
// A text formatter whose pattern is itself a JSON object: `format={"timestamp": "%(asctime)s", ...}` (Python
// logging.conf), `pattern='{"timestamp": "%d", ...}'` (Log4j2 PatternLayout), `<pattern>{"t":"%d"}` (Logback).
const JSON_PATTERN = String.raw`\b(format|pattern)\s*[=:]\s*['"]?\{\s*\\?"|<pattern>\s*\{\s*\\?"`;
// Serilog and Microsoft.Extensions.Logging JSON console formatters named in appsettings.json.
const DOTNET_JSON_CONFIG = String.raw`CompactJsonFormatter|Formatting\.Json\.JsonFormatter|EcsTextFormatter|"FormatterName"\s*:\s*"json"`;
// Spring Boot 3.4+ structured console logging: `logging.structured.format.console: ecs` (or nested YAML keys).
const SPRING_STRUCTURED = String.raw`logging\.structured\.format\.console|^\s*console:\s*(ecs|logstash|gelf)\b`;
// OpenTelemetry agents export every log record as OTLP: the Java agent, .NET auto-instrumentation, or the
// exporter switched on explicitly.
const OTEL_AGENT = String.raw`-javaagent:\S*opentelemetry\S*\.jar|\bOTEL_DOTNET_AUTO_\w+|\bOTEL_LOGS_EXPORTER\s*[=:]\s*["']?otlp`;

/** Log output as one JSON object per line (or a logger that writes that by default), or exported as OTLP records. */
const STRUCTURED: LanguagePatterns = {
  javascript: JS_JSON,
  typescript: JS_JSON,
  python: /\bstructlog\.|\bjsonlogger\b|JsonFormatter\b|json_log_formatter|ecs_logging|\bJSONRenderer\(|\bopentelemetry\.sdk\._logs\b/,
  go: /\bslog\.NewJSONHandler\(|\bzap\.New(Production|Development)?\(|\bzerolog\.New\(|JSONFormatter\{|\botelslog\b/,
  java: JVM_JSON,
  kotlin: JVM_JSON,
  csharp:
    /\bAddJsonConsole\(|CompactJsonFormatter|new\s+JsonFormatter\(|\bLogging\.AddOpenTelemetry\(|^\s*\.AddOpenTelemetry\(\s*\w+\s*=>\s*\w+\.AddOtlpExporter\(/,
  ruby: /\bformatter\s*=.*(to_json|JSON\.generate)|\bOugai::|\bSemanticLogger\b|\bOpenTelemetry::Logs\b|\blogger_provider\b/,
  rust: /\bOpenTelemetryTracingBridge\b|\.json\(\)/,
  php: /\b(JsonFormatter|LogstashFormatter)\b/,
  // Config files and Dockerfiles: Log4j2/Logback JSON layouts, python-json-logger, JSON-shaped patterns, agents.
  default: new RegExp([JVM_JSON.source, "pythonjsonlogger", JSON_PATTERN, DOTNET_JSON_CONFIG, SPRING_STRUCTURED, OTEL_AGENT].join("|")),
};

const JS_PLAIN = /\bconsole\.(log|info|warn|error|debug)\(\s*(?!JSON\.stringify)|format\.(simple|printf|cli)\(/;
const SPRING_BOOT = /\bSpringApplication\.run\(|\brunApplication</;
/** Free-text log lines: printf-style formatters, bare prints, and frameworks whose console default is text. */
const PLAIN: LanguagePatterns = {
  javascript: JS_PLAIN,
  typescript: JS_PLAIN,
  python: /^\s*print\(|\blogging\.(basicConfig|Formatter|getLogger)\(/,
  go: /\b(fmt\.Print(f|ln)?|log\.(Print|Printf|Println|Fatal|Fatalf|Fatalln))\(/,
  // Spring Boot's console pattern is text unless structured logging or a JSON encoder is configured.
  java: new RegExp(String.raw`\bSystem\.(out|err)\.print|PatternLayout|${SPRING_BOOT.source}`),
  kotlin: new RegExp(String.raw`\bprintln\(|PatternLayout|${SPRING_BOOT.source}`),
  // Serilog's console sink without a JSON formatter writes its text template.
  csharp: /\bConsole\.Write(Line)?\(|\.WriteTo\.Console\(\s*\)/,
  ruby: /^\s*puts\b|\bLogger\.new\(/,
  php: /\bLineFormatter\b|\bnew\s+StreamHandler\(\s*["']php:\/\/std(out|err)["']/,
  rust: /\benv_logger::(init|Builder)\b|\bprintln!\(/,
  // Config: text patterns, Spring Boot's base.xml console, a Serilog console sink listed without a formatter.
  default:
    /PatternLayout|<pattern>%|org\/springframework\/boot\/logging\/logback\/(base|console-appender)\.xml|\{\s*"Name"\s*:\s*"Console"\s*\}/,
};

/** A Spring Boot application (its code may be unreadable): the default console pattern is text. */
const SPRING_BOOT_PACKAGES =
  /^(org\.springframework\.boot:spring-boot-starter[\w-]*|org\.springframework\.cloud:spring-cloud-(starter[\w-]*|config-server))$/;

// Browser code logs to the browser's console, not to the service's stdout.
const BROWSER_PATH = /(^|\/)(assets|static|public|wwwroot)\/|\.(vue|svelte|jsx|tsx)$/;
const BROWSER_API = /\b(window|document|localStorage|sessionStorage|navigator)\./;

export const rule: RepositoryCheck = {
  id: "logsStructured",
  version: 2,
  factor: "logs",
  title: "Logs are structured events (one JSON object per line), not free text",
  rationale:
    "Logs are an event stream other tools consume: the platform's router, search and alerting. JSON lines (or " +
    "OpenTelemetry log records) keep fields (level, request id, order id) queryable; free text has to be re-parsed " +
    "with fragile regexes and breaks on multi-line messages.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 3,
  kinds: APPLICATIONS_AND_JOBS,
  evaluate(facts) {
    const files = productionFiles(facts).filter((f) => !isBrowserCode(f));
    const structured = [
      ...findLineMatches({ facts, patterns: STRUCTURED, files, limit: 3 }).map((m) => matchEvidence(m)),
      ...otlpExporterInDeployConfig(facts),
    ];
    if (structured.length > 0) return pass("The service writes structured (JSON or OTLP) log events.", structured);
    const plain = findLineMatches({ facts, patterns: PLAIN, files }).map((m) => matchEvidence(m));
    if (plain.length === 0) plain.push(...springBootApps(facts));
    if (plain.length === 0) return notApplicable("No logging found.");
    return fail(`Logs are free text (${plural(plain.length, "place")}), with no JSON logger configured.`, plain);
  },
};

function springBootApps(facts: ServiceFacts): RepoEvidence[] {
  const found = facts.dependencyManifests.flatMap((m) =>
    m.dependencies
      .filter((d) => !d.dev && SPRING_BOOT_PACKAGES.test(d.name))
      .map((d) => pathEvidence({ facts, path: m.path, line: d.line })),
  );
  return found.slice(0, 1);
}

function isBrowserCode(file: TextFile): boolean {
  if (file.language !== "javascript" && file.language !== "typescript") return false;
  return BROWSER_PATH.test(file.path) || file.lines.some((l) => BROWSER_API.test(l));
}

/** `OTEL_LOGS_EXPORTER=otlp` set for the service by its compose service or its containers. */
function otlpExporterInDeployConfig(facts: ServiceFacts): RepoEvidence[] {
  const isOtlp = (key: unknown, value: unknown) => key === "OTEL_LOGS_EXPORTER" && typeof value === "string" && /\botlp\b/.test(value);
  const fromCompose = facts.compose.flatMap((c) =>
    c.services.flatMap((s) =>
      s.environment.filter((e) => isOtlp(e.key, e.value)).map((e) => pathEvidence({ facts, path: c.path, line: e.line })),
    ),
  );
  const fromManifests = facts.manifests.flatMap((m) =>
    allContainers(m)
      .filter((c) => objects(dig(c, "env")).some((e) => isOtlp(e.name, e.value)))
      .map(() => pathEvidence({ facts, path: m.path, line: m.lineStart })),
  );
  return [...fromCompose, ...fromManifests];
}
