import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { committedSecrets } from "@/lib/rules/helpers/committed-secrets";
import { fail, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { findDeployCredentials } from "@/lib/rules/factors/03-config/noHardcodedSecrets/find-deploy-credentials";

export const rule: RepositoryCheck = {
  id: "noHardcodedSecrets",
  version: 3,
  factor: "config",
  title: "No secrets are written in the code or committed config",
  rationale:
    "A credential in the repository is readable by everyone with access to it, forever (history keeps it), and " +
    "rotating it needs a code change. Secrets come from the environment or a secret store at run time. A weak " +
    "default (`POSTGRES_PASSWORD: password`) in a committed manifest, ConfigMap or compose file is a credential too.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 10,
  evaluate(facts) {
    const found = committedSecrets(facts);
    const evidence = found.map((s) => pathEvidence({ facts, path: s.path, line: s.line, snippet: `${s.name ?? s.kind} = ${s.preview}` }));
    const seen = new Set(evidence.map((e) => `${e.path}:${e.lineStart}`));
    const deployed = findDeployCredentials(facts).filter((e) => !seen.has(`${e.path}:${e.lineStart}`));
    if (found.length === 0 && deployed.length === 0) return pass("No secret-looking literals outside tests and docs.");
    const kinds = [...new Set([...found.map((s) => s.kind), ...(deployed.length > 0 ? ["deploy config credential"] : [])])].join(", ");
    const all = [...evidence, ...deployed];
    return fail(`Secret-looking literals committed (${plural(all.length, "place")}: ${kinds}).`, all);
  },
};
