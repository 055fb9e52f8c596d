import { findLineMatches, lineEvidence, type LineMatch, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findServerStarts } from "@/lib/rules/helpers/http-server";
import { codeLines, productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";
import { findHostStarts } from "./find-hosts";
import { GRACEFUL_SERVERS, GRPC_START, HANDLER, SIGNAL_HOOK, SIGTERM, SPRING_BOOT_START, WORK_LOOP } from "./patterns";
import { findSpringBootVersion } from "./spring-boot-version";
import { blockingCallBefore } from "@/lib/rules/helpers/blocking-calls";

// The calls that install a signal handler, as the syntax tree names them.
const SIGNAL_CALL = /^signal\.(Notify|NotifyContext|signal)$|(^|\.)add_signal_handler$/;

export const rule: RepositoryCheck = {
  id: "handlesSigterm",
  version: 4,
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
    const hosts = findHostStarts({ facts });
    const servers = [
      ...findServerStarts(facts),
      ...findLineMatches({ facts, patterns: GRPC_START, limit: 3 }),
      ...hosts.map((h) => h.start),
    ];
    const loops = findLineMatches({ facts, patterns: WORK_LOOP, limit: 3 });
    if (servers.length + loops.length === 0)
      return notApplicable("No server start or endless work loop found: not a long-running process.");
    const drainingHosts = hosts.filter(
      (h) => h.host.onSigterm === "drains" || (h.host.onSigterm === "drainsOnMainThread" && !h.offMainThread),
    );
    const { hooks, late } = sigtermHooks(facts);
    const handlers = [
      ...hooks,
      ...findLineMatches({ facts, patterns: HANDLER, files: productionFiles(facts), limit: 3 }),
      ...drainingHosts.map((h) => h.start),
    ];
    if (handlers.length > 0)
      return pass(
        "SIGTERM is handled.",
        handlers.slice(0, 3).map((m) => matchEvidence(m)),
      );
    if (late[0])
      return fail(
        `SIGTERM is hooked only after the blocking ${late[0].serve}() call: that code runs once serving is over, so nothing drains on a stop.`,
        [
          lineEvidence({ file: late[0].file, lineStart: late[0].serveLine }),
          lineEvidence({ file: late[0].file, lineStart: late[0].hookLine }),
        ],
      );
    const server = startCommands(facts).find((c) => GRACEFUL_SERVERS.test(c.command));
    if (server) return pass("Started by a server that drains on SIGTERM.", [server.evidence]);
    const spring = findLineMatches({ facts, patterns: SPRING_BOOT_START, limit: 1 })[0];
    if (spring) return judgeSpringBoot(facts, spring);
    const threaded = hosts.find((h) => h.offMainThread);
    if (threaded?.offMainThread)
      return fail(
        `${threaded.host.name} is started in a worker thread, where no signal handler is installed: SIGTERM kills it mid-request.`,
        [matchEvidence(threaded.offMainThread), matchEvidence(threaded.start)],
      );
    if (servers.length === 0)
      return fail(
        "The process loops over work until it is killed and nothing handles SIGTERM: the work in hand is cut off on every deploy.",
        loops.map((m) => matchEvidence(m)),
      );
    return fail(
      "The server starts but nothing handles SIGTERM: in-flight requests are dropped on every deploy.",
      servers.slice(0, 3).map((m) => matchEvidence(m)),
    );
  },
};

/** Spring Boot closes its context on SIGTERM; whether the web server drains first depends on the Boot version. */
function judgeSpringBoot(facts: ServiceFacts, spring: LineMatch) {
  const version = findSpringBootVersion({ facts, from: spring.file.path });
  if (version === null)
    return notAvailable(
      "A Spring Boot application whose Boot version is set outside what Dozen read: graceful shutdown is the default from 3.4.",
    );
  const evidence = [matchEvidence(spring), pathEvidence({ facts, path: version.path, line: version.line })];
  const named = `Spring Boot ${version.major}.${version.minor}`;
  if (version.major * 100 + version.minor >= 304) return pass(`${named} drains in-flight requests on SIGTERM by default.`, evidence);
  if (version.major * 100 + version.minor < 203)
    return fail(
      `${named} stops its web server without draining on SIGTERM: graceful shutdown arrived in 2.3 (server.shutdown=graceful, the default from 3.4), so upgrade.`,
      evidence,
    );
  return fail(`${named} stops its web server immediately on SIGTERM: set server.shutdown=graceful (or upgrade to 3.4+).`, evidence);
}

interface LateHook {
  file: TextFile;
  hookLine: number;
  serveLine: number;
  serve: string;
}

/**
 * Files that hook SIGTERM, and the hooks registered only after a blocking serve call in the same function
 * (`log.Fatal(srv.ListenAndServe())` then `signal.Notify`): those run when serving is already over.
 */
function sigtermHooks(facts: ServiceFacts): { hooks: LineMatch[]; late: LateHook[] } {
  const hooks: LineMatch[] = [];
  const late: LateHook[] = [];
  for (const file of sourceFiles(facts)) {
    const hook = file.language ? SIGNAL_HOOK[file.language] : undefined;
    const lines = codeLines(file);
    if (!hook || !lines.some((l) => hook.test(l))) continue;
    const found = findLineMatches({ facts, patterns: SIGTERM, files: [file], limit: 1 });
    const calls = file.syntax?.calls.filter((c) => SIGNAL_CALL.test(c.callee)) ?? [];
    const blocked = calls.map((c) => ({ c, serve: blockingCallBefore(file, c) }));
    if (calls.length > 0 && blocked.every((b) => b.serve)) {
      const first = blocked[0]!;
      late.push({ file, hookLine: first.c.line, serveLine: first.serve!.line, serve: first.serve!.callee });
      continue;
    }
    hooks.push(...found);
  }
  return { hooks, late };
}
