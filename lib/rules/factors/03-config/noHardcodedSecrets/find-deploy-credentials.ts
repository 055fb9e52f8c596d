import { looksSecretName } from "@/lib/facts/secret-rules";
import type { ServiceFacts } from "@/lib/facts/types";
import { isNameMarker } from "@/lib/rules/helpers/committed-secrets";
import { deploysService } from "@/lib/rules/helpers/compose-services";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { allContainers, containerEvidence, dig, manifestEvidence, objects, podSpec, type Obj } from "@/lib/rules/helpers/manifests";
import type { RepoEvidence } from "@/lib/rules/types";

// Deploy config values that are credentials anyway, even when the collector let them through as placeholders
// (`POSTGRES_PASSWORD: password` in a ConfigMap): a weak default committed for every environment is still one.
// Switches (`MYSQL_ALLOW_EMPTY_PASSWORD: "yes"`) say how a password is handled, they are none.
const PLACEHOLDER_VALUE =
  /^(<.*>|\[.*\]|change[-_]?me|changeit|replace[-_ ]?me.*|(your|my)[-_ ].*|x+|todo|tbd|example|dummy|placeholder|yes|no|true|false|on|off|[01])$/i;
const REFERENCE = /\$\(|\$\{|\{\{|^\$[A-Za-z_]\w*$/;
// What the collector's redaction left of a credential inside a longer value: `postgres://app:****@db`,
// `user=app;password=****`, a DSN's `app:defa****@tcp(db)`.
const MASKED_CREDENTIAL = /:[^\s:@/]{0,4}\*{4}@|\b(password|pwd|passwd|secret|token)=[^\s;&]{0,4}\*{4}/i;
// `POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-dev}`: a throwaway default for a local container (see committed-secrets).
const DEFAULTED_REFERENCE = /\$\{[A-Za-z_]\w*:?-[^}]*\}/;

/**
 * Credentials written into what deploys the service: container `env` literals and ConfigMap data (what
 * `envFrom` hands a container), credentials inside container arguments (`-DSN=user:pw@tcp(db)`), and the
 * environment of the compose entries that run it, as compose interpolates it (so a password its `.env`
 * supplies counts, a `${VAR:-dev}` default does not). References (`valueFrom`, `$(VAR)`, `{{ }}`) are not.
 */
export function findDeployCredentials(facts: ServiceFacts): RepoEvidence[] {
  return dedupe([...manifestCredentials(facts), ...composeCredentials(facts)]);
}

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
      const argv = [c.command, c.args].flatMap((a) => (Array.isArray(a) ? a.filter((x): x is string => typeof x === "string") : []));
      if (argv.some((a) => MASKED_CREDENTIAL.test(a))) found.push(containerEvidence(facts, m, c, MASKED_CREDENTIAL));
    }
  }
  return found;
}

function composeCredentials(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const compose of facts.compose.filter((c) => !isIgnoredPath(pathInService(facts.service.path, c.path)))) {
    for (const entry of compose.services.filter((s) => deploysService(facts, compose, s))) {
      for (const env of entry.environment) {
        if (env.value === null) continue;
        const evidence = pathEvidence({ facts, path: compose.path, line: env.line, snippet: `${env.key}=${env.value}` });
        if (DEFAULTED_REFERENCE.test(evidence.snippet ?? "")) continue;
        if (MASKED_CREDENTIAL.test(env.value) || (isCredentialLiteral(env.key, env.value) && !isStandInKey(env.key, env.value)))
          found.push(evidence);
      }
    }
  }
  return found;
}

function isCredentialLiteral(name: string, value: unknown): boolean {
  if (!looksSecretName(name) || typeof value !== "string") return false;
  const v = value.trim();
  return v !== "" && !REFERENCE.test(v) && !PLACEHOLDER_VALUE.test(v) && !isNameMarker(name, v);
}

/** An API key or token fully masked (shorter than 16 characters) is a stand-in: real ones are long. */
function isStandInKey(name: string, value: string): boolean {
  return /(key|token)$/i.test(name) && !/pass|pwd|secret/i.test(name) && value === "****";
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
