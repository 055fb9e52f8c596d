import { looksSecretName } from "@/lib/facts/secret-rules";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { committedSecrets, isNameMarker } from "@/lib/rules/helpers/committed-secrets";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { allContainers, containerEvidence, dig, manifestEvidence, objects, podSpec, type Obj } from "@/lib/rules/helpers/manifests";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { fail, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

// Deploy config values that are credentials anyway, even when the collector let them through as placeholders
// (`POSTGRES_PASSWORD: password` in a ConfigMap): a weak default committed for every environment is still one.
const PLACEHOLDER_VALUE =
  /^(<.*>|\[.*\]|change[-_]?me|changeit|replace[-_ ]?me.*|(your|my)[-_ ].*|x+|todo|tbd|example|dummy|placeholder)$/i;

export const rule: RepositoryCheck = {
  id: "noHardcodedSecrets",
  version: 2,
  factor: "config",
  title: "No secrets are written in the code or committed config",
  rationale:
    "A credential in the repository is readable by everyone with access to it, forever (history keeps it), and " +
    "rotating it needs a code change. Secrets come from the environment or a secret store at run time. A weak " +
    "default (`POSTGRES_PASSWORD: password`) in a committed manifest or ConfigMap is a credential too.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 10,
  evaluate(facts) {
    const found = committedSecrets(facts);
    const evidence = found.map((s) => pathEvidence({ facts, path: s.path, line: s.line, snippet: `${s.name ?? s.kind} = ${s.preview}` }));
    const seen = new Set(evidence.map((e) => `${e.path}:${e.lineStart}`));
    const deployed = manifestCredentials(facts).filter((e) => !seen.has(`${e.path}:${e.lineStart}`));
    if (found.length === 0 && deployed.length === 0) return pass("No secret-looking literals outside tests and docs.");
    const kinds = [...new Set([...found.map((s) => s.kind), ...(deployed.length > 0 ? ["manifest credential"] : [])])].join(", ");
    const all = [...evidence, ...deployed];
    return fail(`Secret-looking literals committed (${plural(all.length, "place")}: ${kinds}).`, all);
  },
};

/**
 * Credential-named values written into the service's manifests: container `env` literals and ConfigMap data
 * (what `envFrom` hands a container). References (`valueFrom`, `$(VAR)`, `{{ }}`) and empty values are not.
 */
function manifestCredentials(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const m of facts.manifests.filter((m) => !isIgnoredPath(pathInService(facts.service.path, m.path)))) {
    if (m.kind === "ConfigMap") {
      const data = dig(m.object, "data");
      if (typeof data !== "object" || data === null) continue;
      for (const [key, value] of Object.entries(data as Obj)) {
        if (isCredentialLiteral(key, value)) found.push(manifestEvidence(facts, m, keyLine(key)));
      }
      continue;
    }
    if (!podSpec(m)) continue;
    for (const c of allContainers(m)) {
      for (const env of objects(c.env)) {
        const name = typeof env.name === "string" ? env.name : "";
        if (isCredentialLiteral(name, env.value)) found.push(containerEvidence(facts, m, c, envLine(name)));
      }
    }
  }
  return dedupe(found);
}

function isCredentialLiteral(name: string, value: unknown): boolean {
  if (!looksSecretName(name) || typeof value !== "string") return false;
  const v = value.trim();
  return v !== "" && !/\$\(|\$\{|\{\{/.test(v) && !PLACEHOLDER_VALUE.test(v) && !isNameMarker(name, v);
}

function keyLine(key: string): RegExp {
  return new RegExp(String.raw`^\s*["']?${escapeRegExp(key)}["']?\s*:`);
}

function envLine(name: string): RegExp {
  return new RegExp(String.raw`name:\s*["']?${escapeRegExp(name)}\b`);
}

function dedupe(evidence: RepoEvidence[]): RepoEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.path}:${e.lineStart}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
