import { productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepositoryCheck } from "@/lib/rules/types";

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
  csharp: /\.WriteTo\.(File|RollingFile)\(|\.AddFile\(|\bnew\s+FileTarget\b/,
  ruby: /\bLogger\.new\(\s*(["'][^"']+\.log["']|Rails\.root\.join\(\s*["']log)/,
  php: /\bnew\s+StreamHandler\(\s*["'][^"']+\.log["']|\bnew\s+RotatingFileHandler\(/,
  // Logging config packaged with the app: logback/log4j2/NLog XML, Spring properties, Serilog JSON.
  default:
    /class="ch\.qos\.logback\.core\.(rolling\.Rolling)?FileAppender"|<(Rolling)?File\s+name=|\blogging\.file\.(name|path)\s*[=:]|xsi:type="File"|"Name"\s*:\s*"(File|RollingFile)"|log4j\.appender\.\w+\s*=\s*\S*FileAppender|^\s*(file|path):\s*\S+\.log\b/,
};
const CONFIG =
  /(^|\/)(logback[\w-]*\.xml|log4j2?[\w-]*\.(xml|properties|ya?ml|json)|nlog\.config|application[\w-]*\.(properties|ya?ml)|appsettings[\w.]*\.json|logging\.(conf|ini|ya?ml|json))$/i;
// `node server.js >> /var/log/app.log 2>&1`, `| tee app.log`.
const REDIRECT_TO_FILE = /(^|[^<&\d])[12]?>>?\s*\S+\.log\b|\|\s*tee\s+(-a\s+)?\S+\.log\b/;

export const rule: RepositoryCheck = {
  id: "logsToStdout",
  version: 1,
  factor: "logs",
  title: "Logs are written to stdout/stderr, not to files",
  rationale:
    "A twelve-factor app treats logs as an event stream on stdout; the platform collects, routes and keeps them. " +
    "Log files inside a container fill its disk, vanish with it, and are invisible to `kubectl logs` and friends.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const files = productionFiles(facts).filter((f) => f.language !== null || CONFIG.test(f.path));
    const evidence = [
      ...findLineMatches({ facts, patterns: FILE_LOGGING, files }).map((m) => matchEvidence(m)),
      ...startCommands(facts)
        .filter((c) => REDIRECT_TO_FILE.test(c.command))
        .map((c) => c.evidence),
    ];
    if (evidence.length > 0) return fail(`Logs written to files (${plural(evidence.length, "place")}).`, evidence);
    return pass("No log files: output goes to the standard streams.");
  },
};
