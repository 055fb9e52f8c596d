import { productionFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, matchEvidence, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { findServerStarts } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { SERVERS } from "@/lib/rules/helpers/kinds";

const LOOPBACK = String.raw`(127\.0\.0\.1|localhost|::1)`;
const FLAGS = String.raw`--(host|bind|hostname)[= ]${LOOPBACK}\b|\s-b\s+${LOOPBACK}\b|ASPNETCORE_URLS=https?://${LOOPBACK}\b|server\.address\s*[=:]\s*${LOOPBACK}\b`;
// Only on the line that starts the server: `{ host: "localhost" }` in a database client's options is not a bind.
const JS = new RegExp(String.raw`\.listen\(.*["'\`]${LOOPBACK}["'\`]|\bserve\(.*\bhost(name)?\s*:\s*["'\`]${LOOPBACK}["'\`]|${FLAGS}`);

/** Binding the listener to the loopback interface only: unreachable from outside the container. */
const LOOPBACK_BIND: LanguagePatterns = {
  javascript: JS,
  typescript: JS,
  python: new RegExp(
    String.raw`\b(run|run_app|serve|make_server)\(.*\bhost\s*=\s*["']${LOOPBACK}\b|^bind\s*=\s*\[?\s*f?["']${LOOPBACK}\b|${FLAGS}`,
  ),
  go: new RegExp(String.raw`\b(ListenAndServe(TLS)?|Listen|Run|Start)\(\s*("tcp",\s*)?"${LOOPBACK}:`),
  java: new RegExp(String.raw`new InetSocketAddress\(\s*"${LOOPBACK}"|${FLAGS}`),
  kotlin: new RegExp(String.raw`host\s*=\s*"${LOOPBACK}"`),
  csharp: new RegExp(String.raw`UseUrls\(\s*"https?://${LOOPBACK}\b|\bListenLocalhost\(`),
  ruby: new RegExp(String.raw`set\s+:bind,\s*["']${LOOPBACK}|${FLAGS}`),
  shell: new RegExp(FLAGS),
  default: new RegExp(FLAGS),
};

export const rule: RepositoryCheck = {
  id: "bindsAllInterfaces",
  version: 1,
  factor: "port-binding",
  title: "The server listens on all interfaces (0.0.0.0), not only localhost",
  rationale:
    "A port-bound service is reached through its port from outside its own process. Inside a container, `localhost` " +
    "is the container itself: a server bound to 127.0.0.1 starts fine and answers nobody, failing probes and traffic.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  kinds: SERVERS,
  evaluate(facts) {
    const starts = findServerStarts(facts);
    if (starts.length === 0) return notApplicable("The service starts no server.");
    const loopback = findLineMatches({ facts, patterns: LOOPBACK_BIND, files: productionFiles(facts) });
    if (loopback.length > 0)
      return fail(
        `Listens on the loopback interface only (${plural(loopback.length, "place")}).`,
        loopback.map((m) => matchEvidence(m)),
      );
    return pass(
      "No server is bound to localhost only.",
      starts.slice(0, 3).map((m) => matchEvidence(m)),
    );
  },
};
