import { codeLines } from "@/lib/rules/helpers/code-lines";
import { findPortEnvReads, readsEnv } from "@/lib/rules/helpers/env-reads";
import { lineEvidence, matchEvidence, type LineMatch } from "@/lib/rules/helpers/find-line-matches";
import { findServerStarts } from "@/lib/rules/helpers/http-server";
import { serverCommands } from "@/lib/rules/helpers/server-commands";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import { SERVERS } from "@/lib/rules/helpers/kinds";

// A port written as a literal: `8080`, `":8080"`, `"http://0.0.0.0:5000"`, `port=5000`.
const LITERAL_PORT = /["'`][^"'`]*:\d{2,5}\/?["'`]|\bport\s*[=:]\s*\d{2,5}\b|(?<![\w.])\d{4,5}(?![\w.])/i;
// Arguments of the start call that are plain identifiers: `listen(port)`, `ListenAndServe(addr, mux)`.
const IDENTIFIER_ARG = /[(,]\s*([A-Za-z_]\w*)\s*(?=[,)])/g;

export const rule: RepositoryCheck = {
  id: "readsPortFromEnv",
  version: 3,
  factor: "port-binding",
  title: "The listening port comes from the environment",
  rationale:
    "The platform decides which port a process binds (PORT on Heroku, Cloud Run, Knative...). A hard-coded port " +
    "breaks there and forces port juggling when two services run side by side.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  kinds: SERVERS,
  evaluate(facts) {
    const starts = findServerStarts(facts);
    // A server the image, Procfile or a start script runs with its port on the command line (`uvicorn … --port
    // 5001`); a port a Kubernetes manifest gives on the command line is the deployment's choice, as an env is.
    const commands = serverCommands(facts);
    if (starts.length === 0 && commands.length === 0) return notApplicable("No server start (listen/run) found: not a network service.");
    const hardcoded = [
      ...starts.flatMap((m) => literalPortEvidence(m)),
      ...commands.filter((c) => c.literal && c.from !== "manifest").map((c) => c.evidence),
    ];
    if (hardcoded.length > 0) {
      return fail(`Hard-coded port (${plural(hardcoded.length, "place")}).`, hardcoded);
    }
    const portReads = findPortEnvReads(facts);
    const evidence =
      portReads.length > 0
        ? portReads.map((m) => matchEvidence(m))
        : [...starts.slice(0, 3).map((m) => matchEvidence(m)), ...commands.slice(0, 3).map((c) => c.evidence)].slice(0, 3);
    return pass("The port is taken from the environment (or the framework's default binding).", evidence);
  },
};

/** The start line itself, or the assignment of the identifier it passes, when that holds a literal port. */
function literalPortEvidence(m: LineMatch): RepoEvidence[] {
  if (readsEnv(m.file.language, m.code)) return [];
  if (LITERAL_PORT.test(m.code.slice(m.match.index))) return [matchEvidence(m)];
  const lines = codeLines(m.file);
  for (const [, name] of m.code.slice(m.match.index).matchAll(IDENTIFIER_ARG)) {
    const assignment = new RegExp(
      String.raw`^\s*(?:export\s+)?(?:const|let|var|val|private|public|static|final|\s)*\s*${name}\b[^=]*?(:=|=)\s*(.+)$`,
    );
    // A literal default the environment replaces anywhere in the file (`port = "3550"` … `port = os.Getenv("PORT")`)
    // is config: every assignment is read before judging.
    let literal: number | null = null;
    for (let i = 0; i < lines.length; i++) {
      const found = assignment.exec(lines[i] ?? "");
      if (!found) continue;
      if (readsEnv(m.file.language, found[2] ?? "")) return [];
      if (literal === null && LITERAL_PORT.test(found[2] ?? "") && /^\s*["'`:\d]/.test(found[2] ?? "")) literal = i + 1;
    }
    if (literal !== null) return [lineEvidence({ file: m.file, lineStart: literal })];
  }
  return [];
}
