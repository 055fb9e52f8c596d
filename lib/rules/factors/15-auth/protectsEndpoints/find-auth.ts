import { codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, lineEvidence, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { dig, manifestEvidence } from "@/lib/rules/helpers/manifests";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";
import {
  AUTH_CODE,
  AUTH_HEADER,
  AUTH_KINDS,
  AUTH_PACKAGES,
  INGRESS_AUTH_ANNOTATION,
  POLICY_IDENTITY,
  PROXY_AUTH,
} from "@/lib/rules/factors/15-auth/protectsEndpoints/auth-patterns";
import { isOwnFile, proxyConfigs } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-proxied-consoles";

/** Where the service authenticates its callers: in its code, its dependencies, its edge proxy or in front of it. */
export function findAuth(facts: ServiceFacts): RepoEvidence[] {
  const found = [
    ...findLineMatches({ facts, patterns: AUTH_CODE, limit: 3 }).map((m) => matchEvidence(m)),
    ...findLineMatches({ facts, patterns: AUTH_HEADER, limit: 3 }).map((m) => matchEvidence(m)),
    ...findDependencies(facts, AUTH_PACKAGES)
      .map((d) => d.evidence)
      .filter((e) => !pulledInByAnother(facts, e)),
    ...proxyConfigs(facts).flatMap((file) =>
      codeLines(file).flatMap((code, i) => (PROXY_AUTH.test(code) ? [lineEvidence({ file, lineStart: i + 1 })] : [])),
    ),
    ...authInFront(facts),
    ...authInDeployFiles(facts),
  ];
  // A chart template in the service's folder is also its deploy excerpt: one location, said once.
  return found.filter((e, i) => found.findIndex((o) => o.path === e.path && o.lineStart === e.lineStart) === i);
}

/**
 * A dependency a pip-compile lockfile lists only `# via` another package (authlib via fastmcp): the service
 * does not use it itself; if its code did, AUTH_CODE would say so.
 */
function pulledInByAnother(facts: ServiceFacts, e: RepoEvidence): boolean {
  if (!/(^|\/)requirements[\w.-]*\.txt$/.test(e.path)) return false;
  const lines = facts.textFiles.find((f) => f.path === e.path)?.lines ?? [];
  const comments: string[] = [];
  for (let i = e.lineStart; i < lines.length && /^\s+\S/.test(lines[i] ?? ""); i++) {
    if (/^\s+#/.test(lines[i] ?? "")) comments.push(lines[i] ?? "");
  }
  const via = comments.join("\n");
  return /#\s*via\b/.test(via) && !/(^|\s)-r\s/.test(via);
}

// Auth enforced in front of the app: a mesh policy naming its callers, a gateway policy, an auth proxy, an
// ingress auth annotation.
function authInFront(facts: ServiceFacts): RepoEvidence[] {
  return facts.manifests
    .filter((m) => {
      const annotations = dig(m.object, "metadata", "annotations");
      const ingressAuth =
        m.kind === "Ingress" &&
        typeof annotations === "object" &&
        annotations !== null &&
        Object.keys(annotations).some((k) => INGRESS_AUTH_ANNOTATION.test(k));
      return (
        (AUTH_KINDS.has(m.kind) && (m.kind !== "AuthorizationPolicy" || namesCallers(m))) ||
        ingressAuth ||
        /oauth2-proxy/.test(JSON.stringify(dig(m.object, "spec", "template", "spec", "containers") ?? ""))
      );
    })
    .map((m) => manifestEvidence(facts, m, /kind:|auth-url|oauth2-proxy/));
}

// An AuthorizationPolicy that only filters by namespace or address lets every workload there in, whoever it is.
function namesCallers(m: ManifestObject): boolean {
  return /"(principals|requestPrincipals)"\s*:/.test(JSON.stringify(dig(m.object, "spec", "rules") ?? ""));
}

/**
 * Mesh policies in the service's deploy files: its declarations in shared ones and the YAML in its own folder,
 * including policies a Helm chart renders only when a value is switched on
 * (`{{- if .Values.authorizationPolicies.create }}`): the repository ships the protection, values decide where.
 */
function authInDeployFiles(facts: ServiceFacts): RepoEvidence[] {
  const ownYaml = productionFiles(facts)
    .filter((f) => /\.ya?ml$/i.test(f.path) && isOwnFile(facts, f.path))
    .map((f) => ({ path: f.path, lineStart: 1, lines: f.lines }));
  const found: RepoEvidence[] = [];
  for (const excerpt of [...(facts.deployExcerpts ?? []), ...ownYaml]) {
    let kind: { name: string; line: number } | null = null;
    let identity = false;
    const close = () => {
      if (kind && AUTH_KINDS.has(kind.name) && (kind.name !== "AuthorizationPolicy" || identity))
        found.push(pathEvidence({ facts, path: excerpt.path, line: kind.line }));
      kind = null;
      identity = false;
    };
    excerpt.lines.forEach((line, i) => {
      if (/^---/.test(line)) close();
      const declared = /^kind:\s*(\w+)/.exec(line);
      if (declared?.[1]) kind = { name: declared[1], line: excerpt.lineStart + i };
      if (POLICY_IDENTITY.test(line)) identity = true;
    });
    close();
  }
  return found;
}
