import { codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { lineEvidence } from "@/lib/rules/helpers/find-line-matches";
import { pathInService } from "@/lib/rules/helpers/is-ignored-path";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";
import {
  ADMIN_SERVICE,
  CONSOLE_UPSTREAM,
  PROXY_CONFIG,
  PROXY_ROUTE,
  PROXY_UPSTREAM,
} from "@/lib/rules/factors/15-auth/protectsEndpoints/endpoint-patterns";

/** The edge proxy configurations (nginx, Envoy) in the service's own folder. */
export function proxyConfigs(facts: ServiceFacts): TextFile[] {
  return productionFiles(facts).filter((f) => PROXY_CONFIG.test(f.path) && isOwnFile(facts, f.path));
}

/** A file in the service's own folder, not a shared one beside it (a repository's root `.env` or compose file). */
export function isOwnFile(facts: ServiceFacts, path: string): boolean {
  const root = facts.service.path;
  return root === "." || root === "" || pathInService(root, path) !== path;
}

/**
 * Routes an edge proxy hands to an operations console (Grafana, Jaeger, a flag admin UI, anything `admin`), or,
 * when the service is itself an admin UI, every route it proxies to a backend: each is an admin endpoint on the
 * edge. An nginx `location` with a `proxy_pass`, an Envoy route `match` with its `cluster`.
 */
export function findProxiedConsoles(facts: ServiceFacts): RepoEvidence[] {
  const adminUi = ADMIN_SERVICE.test(facts.service.name);
  const found: RepoEvidence[] = [];
  for (const file of proxyConfigs(facts)) {
    const lines = codeLines(file);
    let route: { line: number; path: string } | null = null;
    for (let i = 0; i < lines.length; i++) {
      const code = lines[i] ?? "";
      const opened = PROXY_ROUTE.exec(code);
      if (opened) route = { line: i + 1, path: opened[3] ?? opened[5] ?? "" };
      const upstream = PROXY_UPSTREAM.exec(code);
      if (!upstream || !route) continue;
      const target = upstream[1] ?? upstream[2] ?? "";
      if (adminUi || CONSOLE_UPSTREAM.test(route.path) || CONSOLE_UPSTREAM.test(target)) {
        found.push(lineEvidence({ file, lineStart: route.line, lineEnd: i + 1 }));
      }
      route = null;
    }
  }
  return found;
}
