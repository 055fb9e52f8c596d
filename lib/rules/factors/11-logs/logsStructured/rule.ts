import { productionFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, matchEvidence, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";

const JVM_JSON = /JsonTemplateLayout|<JsonLayout|JSONLayout|LogstashEncoder|EcsLayout|StructuredArguments/;
const JS_JSON =
  /\bconsole\.\w+\(\s*JSON\.stringify\(|process\.stdout\.write\(\s*JSON\.stringify\(|\bpino\(|\bpinoHttp\(|\bFastify\(\s*\{\s*logger\b|format\.json\(\)|\bbunyan\.createLogger\(/;

/** Log output as one JSON object per line (or a logger that writes that by default). */
const STRUCTURED: LanguagePatterns = {
  javascript: JS_JSON,
  typescript: JS_JSON,
  python: /\bstructlog\.|\bjsonlogger\b|JsonFormatter\b|json_log_formatter|ecs_logging|\bJSONRenderer\(/,
  go: /\bslog\.NewJSONHandler\(|\bzap\.New(Production|Development)?\(|\bzerolog\.New\(|JSONFormatter\{/,
  java: JVM_JSON,
  kotlin: JVM_JSON,
  csharp: /\bAddJsonConsole\(|\bUseSerilog\(|CompactJsonFormatter|new\s+JsonFormatter\(/,
  ruby: /\bformatter\s*=.*(to_json|JSON\.generate)|\bOugai::|\bSemanticLogger\b/,
  // Config files: Log4j2/Logback JSON layouts, python-json-logger in a logging dictConfig.
  default: new RegExp(`${JVM_JSON.source}|pythonjsonlogger`),
};

/** Free-text log lines: printf-style formatters and bare prints. */
const PLAIN: LanguagePatterns = {
  javascript: /\bconsole\.(log|info|warn|error|debug)\(\s*(?!JSON\.stringify)|format\.(simple|printf|cli)\(/,
  typescript: /\bconsole\.(log|info|warn|error|debug)\(\s*(?!JSON\.stringify)|format\.(simple|printf|cli)\(/,
  python: /^\s*print\(|\blogging\.(basicConfig|Formatter|getLogger)\(/,
  go: /\b(fmt\.Print(f|ln)?|log\.(Print|Printf|Println|Fatal|Fatalf|Fatalln))\(/,
  java: /\bSystem\.(out|err)\.print|PatternLayout/,
  kotlin: /\bprintln\(|PatternLayout/,
  csharp: /\bConsole\.Write(Line)?\(/,
  ruby: /^\s*puts\b|\bLogger\.new\(/,
  default: /PatternLayout|<pattern>%/,
};

export const rule: RepositoryCheck = {
  id: "logsStructured",
  version: 1,
  factor: "logs",
  title: "Logs are structured events (one JSON object per line), not free text",
  rationale:
    "Logs are an event stream other tools consume: the platform's router, search and alerting. JSON lines keep fields " +
    "(level, request id, order id) queryable; free text has to be re-parsed with fragile regexes and breaks on multi-line messages.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 3,
  evaluate(facts) {
    const files = productionFiles(facts);
    const structured = findLineMatches({ facts, patterns: STRUCTURED, files, limit: 3 });
    if (structured.length > 0)
      return pass(
        "The service writes structured (JSON) log events.",
        structured.map((m) => matchEvidence(m)),
      );
    const plain = findLineMatches({ facts, patterns: PLAIN, files });
    if (plain.length === 0) return notApplicable("No logging found.");
    return fail(
      `Logs are free text (${plural(plain.length, "place")}), with no JSON logger configured.`,
      plain.map((m) => matchEvidence(m)),
    );
  },
};
