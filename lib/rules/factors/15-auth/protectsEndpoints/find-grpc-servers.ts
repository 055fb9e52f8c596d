import { codeLines } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { RepoEvidence } from "@/lib/rules/types";
import type { Language, ServiceFacts } from "@/lib/facts/types";
import { GRPC_FILE_INTERCEPTORS, GRPC_GUARDED, GRPC_SERVER } from "@/lib/rules/factors/15-auth/protectsEndpoints/endpoint-patterns";

/**
 * gRPC servers, each `guarded` when built with credentials or interceptors (which may authenticate) or with
 * options built elsewhere (`grpc.NewServer(opts...)`), which the check cannot see into. Open ones are
 * `grpc.NewServer()` with neither `grpc.Creds` nor an interceptor, `add_insecure_port`,
 * `ServerCredentials.createInsecure()`, a `ServerBuilder` chain without transport security or `.intercept`,
 * `MapGrpcService<T>()` without `RequireAuthorization`.
 */
export function findGrpcServers(facts: ServiceFacts): { evidence: RepoEvidence; guarded: boolean }[] {
  return findLineMatches({ facts, patterns: GRPC_SERVER }).map((m) => {
    const lines = codeLines(m.file);
    const optionsAtCreation =
      m.file.language !== null && CREATED_APART.has(m.file.language) && lines.some((l) => GRPC_FILE_INTERCEPTORS.test(l));
    return { evidence: matchEvidence(m), guarded: optionsAtCreation || GRPC_GUARDED.test(statementAt(lines, m.line - 1, m.match.index)) };
  });
}

// Python and Node create the server (with its interceptors) apart from binding its insecure port.
const CREATED_APART = new Set<Language>(["python", "javascript", "typescript"]);

/**
 * The statement that starts at a column: the call with its arguments, across lines, and the calls chained to
 * it (`ServerBuilder.forPort(port)\n  .addService(s)\n  .build()`). At most 30 lines, so a stray parenthesis
 * cannot swallow the file.
 */
export function statementAt(lines: readonly string[], line: number, column: number): string {
  let text = "";
  let depth = 0;
  let opened = false;
  const last = Math.min(lines.length, line + 30);
  for (let i = line; i < last; i++) {
    const code = (lines[i] ?? "").slice(i === line ? column : 0);
    for (let c = 0; c < code.length; c++) {
      const ch = code[c];
      text += ch;
      if (ch === "(") {
        depth += 1;
        opened = true;
      } else if (ch === ")") depth -= 1;
      if (opened && depth <= 0) {
        const rest = [code.slice(c + 1), ...lines.slice(i + 1, i + 3)].join("\n");
        if (!/^\s*\./.test(rest)) return text;
        opened = false;
      }
    }
    text += "\n";
  }
  return text;
}
