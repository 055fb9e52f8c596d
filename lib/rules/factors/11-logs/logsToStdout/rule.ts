import { productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

const JS =
  /\btransports\.File\(|\bpino\.destination\(\s*["'`][^"'`]+["'`]|\bcreateWriteStream\([^)]*\.log["'`]|\bappendFile(Sync)?\([^)]*\.log["'`]|\bDailyRotateFile\b|\brotating-file-stream\b|\btype:\s*["'](file|dateFile)["']/;
const JVM = /\bnew\s+FileHandler\(|\b(Rolling)?FileAppender\b/;
/** Writing log output to files instead of the standard streams. */
const FILE_LOGGING = {
  javascript: JS,
  typescript: JS,
  python:
    /\b(Rotating|TimedRotating|Watched)?FileHandler\(|\bbasicConfig\([^)]*\bfilename\s*=|\blogger\.add\(\s*["'][^"']+\.log["']|["']logging\.(handlers\.)?\w*FileHandler["']/,
  go: /\bos\.(OpenFile|Create)\([^)]*\.log"|\blumberjack\.Logger\b/,
  java: JVM,
  kotlin: JVM,
  csharp: /\.WriteTo\.(File|RollingFile)\(|\.AddFile\(|\bnew\s+FileTarget\b|\bFile\.AppendAllText(Async)?\(\s*\w*[Ll]og/,
  ruby: /\bLogger\.new\(\s*(["'][^"']+\.log["']|Rails\.root\.join\(\s*["']log)/,
  php: /\bnew\s+StreamHandler\(\s*["'][^"']+\.log["']|\bnew\s+RotatingFileHandler\(/,
  // Logging config packaged with the app: logback/log4j2/NLog XML, Spring properties, Serilog JSON. Spring Boot's
  // logback base.xml adds a FILE appender (${java.io.tmpdir}/spring.log) beside the console; `logging.file` is the
  // pre-2.2 name of logging.file.name; Tomcat's access log goes to files under its base directory.
  default:
    /class="ch\.qos\.logback\.core\.(rolling\.Rolling)?FileAppender"|<(Rolling)?File\s+name=|\blogging\.(file|path)(\.(name|path))?\s*[=:]|org\/springframework\/boot\/logging\/logback\/(base|file-appender)\.xml|\bserver\.tomcat\.accesslog\.enabled\s*[=:]\s*true|xsi:type="File"|"Name"\s*:\s*"(File|RollingFile)"|log4j\.appender\.\w+\s*=\s*\S*FileAppender|^\s*(file|path):\s*\S+\.log\b/,
};
const CONFIG =
  /(^|\/)(nginx[\w.-]*\.conf(\.template)?|default\.conf(\.template)?|logback[\w-]*\.xml|log4j2?[\w-]*\.(xml|properties|ya?ml|json)|nlog\.config|application[\w-]*\.(properties|ya?ml)|appsettings[\w.]*\.json|logging\.(conf|ini|ya?ml|json))$/i;
// nginx writing its access or error log to a file: not off, not a standard stream or syslog, and not the official
// image's /var/log/nginx/{access,error}.log (links to stdout and stderr). `access_log on;` is a file named "on".
const NGINX_LOG_FILE =
  /^\s*(access_log|error_log)\s+(?!off\b|\/dev\/std(out|err)\b|\/proc\/self\/fd\/[12]\b|syslog:|stderr\b|\/var\/log\/nginx\/(access|error)\.log\b)\S+/;
const NGINX_CONFIG = /(^|\/)(nginx[\w.-]*|default)\.conf(\.template)?$/;
/** Environment that turns on log files: Spring Boot's file logging, and Tomcat's access log (when Tomcat serves). */
const FILE_LOGGING_ENV = /^(LOGGING_FILE(_NAME|_PATH)?|LOGGING_PATH)$/;
const TOMCAT_ACCESS_LOG_ENV = /^SERVER_TOMCAT_ACCESSLOG_ENABLED$/;
const TOMCAT = /^(org\.springframework\.boot:spring-boot-starter-(web|tomcat)|org\.apache\.tomcat\.embed:tomcat-embed-core)$/;
// `node server.js >> /var/log/app.log 2>&1`, `| tee app.log`.
const REDIRECT_TO_FILE = /(^|[^<&\d])[12]?>>?\s*\S+\.log\b|\|\s*tee\s+(-a\s+)?\S+\.log\b/;

export const rule: RepositoryCheck = {
  id: "logsToStdout",
  version: 2,
  factor: "logs",
  title: "Logs are written to stdout/stderr, not to files",
  rationale:
    "A twelve-factor app treats logs as an event stream on stdout; the platform collects, routes and keeps them. " +
    "Log files inside a container fill its disk, vanish with it, and are invisible to `kubectl logs` and friends.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0 && !productionFiles(facts).some((f) => NGINX_CONFIG.test(f.path)))
      return notApplicable("No source code to inspect.");
    const files = productionFiles(facts).filter((f) => f.language !== null || CONFIG.test(f.path));
    const evidence = [
      ...findLineMatches({ facts, patterns: FILE_LOGGING, files: files.filter((f) => !NGINX_CONFIG.test(f.path)) }).map((m) =>
        matchEvidence(m),
      ),
      ...findLineMatches({ facts, patterns: NGINX_LOG_FILE, files: files.filter((f) => NGINX_CONFIG.test(f.path)) }).map((m) =>
        matchEvidence(m),
      ),
      ...fileLoggingEnv(facts),
      ...startCommands(facts)
        .filter((c) => REDIRECT_TO_FILE.test(c.command))
        .map((c) => c.evidence),
    ];
    if (evidence.length > 0) return fail(`Logs written to files (${plural(evidence.length, "place")}).`, evidence);
    return pass("No log files: output goes to the standard streams.");
  },
};

function fileLoggingEnv(facts: ServiceFacts): RepoEvidence[] {
  const tomcat = findDependencies(facts, TOMCAT).length > 0;
  const turnsOn = (key: string) => FILE_LOGGING_ENV.test(key) || (tomcat && TOMCAT_ACCESS_LOG_ENV.test(key));
  return facts.compose.flatMap((c) =>
    c.services.flatMap((s) =>
      s.environment
        .filter((e) => turnsOn(e.key) && e.value !== null && !/^(false|0|)$/i.test(e.value))
        .map((e) => pathEvidence({ facts, path: c.path, line: e.line })),
    ),
  );
}
