import { findLineMatches, type LineMatch, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findServerStarts } from "@/lib/rules/helpers/http-server";
import { codeLines, productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { Language, ServiceFacts } from "@/lib/facts/types";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";

const JS =
  /\bcreateTerminus\(|\bcloseWithGrace\(|\bcreateHttpTerminator\(|\bcreateLightship\(|\benableShutdownHooks\(|\bgracefulShutdown\s*:/;
const JVM = /\baddShutdownHook\(|@PreDestroy\b|\bDisposableBean\b|\bSmartLifecycle\b|\bembeddedServer\(|\bEngineMain\b/;
// Spring Boot drains its web server on SIGTERM by default from 3.4 (`server.shutdown=graceful` before that).
const SPRING_BOOT_START = /\bSpringApplication\.run\(|\brunApplication</;
const SPRING_BOOT_VERSION = [
  /<artifactId>spring-boot-starter-parent<\/artifactId>\s*<version>(\d+)\.(\d+)/,
  /<spring-boot\.version>(\d+)\.(\d+)/,
  /id\s*\(?\s*["']org\.springframework\.boot["']\s*\)?\s*version\s*["'](\d+)\.(\d+)/,
];
/** Code that catches SIGTERM (or a framework host known to drain on it). */
const HANDLER = {
  javascript: JS,
  typescript: JS,
  python: /\buvicorn\.run\(|\bhypercorn\b/,
  java: JVM,
  kotlin: JVM,
  csharp:
    /\bWebApplication\.CreateBuilder\(|\bHost\.CreateDefaultBuilder\(|\bHost\.CreateApplicationBuilder\(|\bIHostApplicationLifetime\b|\bApplicationStopping\b/,
  ruby: /\btrap\(\s*["'](TERM|SIGTERM)["']|Signal\.trap\(\s*["'](TERM|SIGTERM)/,
  default: /\bserver\.shutdown\s*[=:]\s*graceful\b|^\s*shutdown:\s*graceful\b|\btrap\b.*\bTERM\b/,
};
// A signal hook and the name SIGTERM in the same file: `for (const s of ["SIGTERM", "SIGINT"]) process.once(s, ...)`.
const SIGNAL_HOOK: Partial<Record<Language, RegExp>> = {
  javascript: /\bprocess\.(on|once|addListener)\(/,
  typescript: /\bprocess\.(on|once|addListener)\(/,
  python: /\bsignal\.signal\(|\badd_signal_handler\(/,
  go: /\bsignal\.Notify(Context)?\(/,
};
const SIGTERM = /\bSIGTERM\b/;
// Servers that drain on SIGTERM by themselves when they are the process started.
const GRACEFUL_SERVERS = /\b(gunicorn|uvicorn|hypercorn|daphne|puma|unicorn|php-fpm|nginx)\b/;

/** Where a gRPC server starts serving: as much a network process to drain as an HTTP server. */
const GRPC_START = {
  java: /\b(Netty)?ServerBuilder\s*\.\s*forPort\(/,
  kotlin: /\b(Netty)?ServerBuilder\s*\.\s*forPort\(/,
  python: /\bgrpc\.(aio\.)?server\(/,
  javascript: /\.bindAsync\(/,
  typescript: /\.bindAsync\(/,
  go: /\bgrpc\.NewServer\(/,
};

export const rule: RepositoryCheck = {
  id: "handlesSigterm",
  version: 2,
  factor: "disposability",
  title: "The process shuts down gracefully on SIGTERM",
  rationale:
    "Deploys, scale-ins and node drains stop processes with SIGTERM. A process that does not catch it is killed " +
    "mid-request; one that stops accepting work, finishes in-flight requests and exits makes releases invisible.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  kinds: APPLICATIONS,
  evaluate(facts) {
    const starts = [...findServerStarts(facts), ...findLineMatches({ facts, patterns: GRPC_START, limit: 3 })];
    if (starts.length === 0) return notApplicable("No server start found: not a long-running network process.");
    const handlers = [...sigtermHooks(facts), ...findLineMatches({ facts, patterns: HANDLER, files: productionFiles(facts), limit: 3 })];
    if (handlers.length > 0)
      return pass(
        "SIGTERM is handled.",
        handlers.map((m) => matchEvidence(m)),
      );
    const server = startCommands(facts).find((c) => GRACEFUL_SERVERS.test(c.command));
    if (server) return pass("Started by a server that drains on SIGTERM.", [server.evidence]);
    const spring = findLineMatches({ facts, patterns: SPRING_BOOT_START, limit: 1 })[0];
    if (spring) {
      const version = springBootVersion(facts);
      if (version === null)
        return notAvailable(
          "A Spring Boot application whose Boot version is set outside it (a parent POM): graceful shutdown is the default from 3.4.",
        );
      if (version.major * 100 + version.minor >= 304)
        return pass(`Spring Boot ${version.major}.${version.minor} drains in-flight requests on SIGTERM by default.`, [
          matchEvidence(spring),
        ]);
      return fail(
        `Spring Boot ${version.major}.${version.minor} stops its web server immediately on SIGTERM: set server.shutdown=graceful (or upgrade to 3.4+).`,
        [matchEvidence(spring)],
      );
    }
    return fail(
      "The server starts but nothing handles SIGTERM: in-flight requests are dropped on every deploy.",
      starts.slice(0, 3).map((m) => matchEvidence(m)),
    );
  },
};

/** Spring Boot's major and minor version from the service's POM or Gradle build; null when not stated there. */
function springBootVersion(facts: ServiceFacts): { major: number; minor: number } | null {
  for (const file of facts.textFiles.filter((f) => /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/.test(f.path))) {
    const text = file.lines.join("\n");
    for (const pattern of SPRING_BOOT_VERSION) {
      const m = pattern.exec(text);
      if (m) return { major: Number(m[1]), minor: Number(m[2]) };
    }
  }
  return null;
}

function sigtermHooks(facts: ServiceFacts): LineMatch[] {
  return sourceFiles(facts).flatMap((file) => {
    const hook = file.language ? SIGNAL_HOOK[file.language] : undefined;
    const lines = codeLines(file);
    if (!hook || !lines.some((l) => hook.test(l))) return [];
    return findLineMatches({ facts, patterns: SIGTERM, files: [file], limit: 1 });
  });
}
