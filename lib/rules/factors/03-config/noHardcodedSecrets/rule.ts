import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { SecretCandidate, ServiceFacts } from "@/lib/facts/types";

// `POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-dev}` in docker-compose: a throwaway default for a local container
// that every real deploy overrides. The same literal anywhere else still counts.
const DEFAULTED_REFERENCE = /\$\{[A-Za-z_]\w*:?-[^}]*\}/;

export const rule: RepositoryCheck = {
  id: "noHardcodedSecrets",
  version: 1,
  factor: "config",
  title: "No secrets are written in the code or committed config",
  rationale:
    "A credential in the repository is readable by everyone with access to it, forever (history keeps it), and " +
    "rotating it needs a code change. Secrets come from the environment or a secret store at run time.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 10,
  evaluate(facts) {
    const composeFiles = new Set(facts.compose.map((c) => c.path));
    const found = facts.secretCandidates.filter(
      (s) => !isIgnoredPath(pathInService(facts.service.path, s.path)) && !(composeFiles.has(s.path) && isDefaultedReference(facts, s)),
    );
    if (found.length === 0) return pass("No secret-looking literals outside tests and docs.");
    const evidence = found.map((s) => pathEvidence({ facts, path: s.path, line: s.line, snippet: `${s.name ?? s.kind} = ${s.preview}` }));
    const kinds = [...new Set(found.map((s) => s.kind))].join(", ");
    return fail(`Secret-looking literals committed (${plural(found.length, "place")}: ${kinds}).`, evidence);
  },
};

function isDefaultedReference(facts: ServiceFacts, s: SecretCandidate): boolean {
  const line = facts.textFiles.find((f) => f.path === s.path)?.lines[s.line - 1] ?? "";
  return DEFAULTED_REFERENCE.test(line);
}
