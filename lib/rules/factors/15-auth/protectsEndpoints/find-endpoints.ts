import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findApiRoutes } from "@/lib/rules/helpers/http-server";
import { plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ServiceFacts, ServiceKindName } from "@/lib/facts/types";
import { CONSOLES, MCP_HTTP, MORE_ROUTES, OPERATIONAL_PATH } from "@/lib/rules/factors/15-auth/protectsEndpoints/endpoint-patterns";
import { findGrpcServers } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-grpc-servers";
import { findProxiedConsoles } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-proxied-consoles";

/** What a service exposes that a caller must be authenticated for, most telling first. */
export interface Endpoints {
  /** Consoles a framework serves (a Eureka registry, a Config server), by name. */
  consoles: { name: string; evidence: RepoEvidence }[];
  /** Edge proxy routes to operations consoles or, from an admin UI, to backends. */
  proxied: RepoEvidence[];
  /** gRPC servers; `guarded` when built with credentials or interceptors. */
  grpc: { evidence: RepoEvidence; guarded: boolean }[];
  mcp: RepoEvidence[];
  /** HTTP API routes (health and metrics left out). */
  routes: RepoEvidence[];
}

// `MapGet("/", ...)` beside a gRPC service answers "use a gRPC client": a notice, not an API.
const ROOT_ROUTE = /\(\s*["'`]\/["'`]/;

/**
 * The service's endpoints. A static site (files behind a web server) exposes only what its proxy hands on:
 * its JavaScript runs in browsers, so an `api.get("/products")` there is a call, not a route.
 */
export function findEndpoints(facts: ServiceFacts, kind: ServiceKindName): Endpoints {
  const proxied = findProxiedConsoles(facts);
  if (kind === "static") return { consoles: [], proxied, grpc: [], mcp: [], routes: [] };
  const grpc = findGrpcServers(facts);
  const routes = dedupe([
    ...findApiRoutes(facts).map((m) => ({ code: m.code, evidence: matchEvidence(m) })),
    ...findLineMatches({ facts, patterns: MORE_ROUTES }).map((m) => ({ code: m.code, evidence: matchEvidence(m) })),
  ])
    .filter((r) => !OPERATIONAL_PATH.test(r.code))
    .filter((r) => grpc.length === 0 || !ROOT_ROUTE.test(r.code))
    .map((r) => r.evidence);
  const consoles = CONSOLES.flatMap(({ pattern, name }) =>
    findLineMatches({ facts, patterns: { java: pattern, kotlin: pattern }, limit: 1 }).map((m) => ({ name, evidence: matchEvidence(m) })),
  );
  const mcp = findLineMatches({ facts, patterns: MCP_HTTP, limit: 1 }).map((m) => matchEvidence(m));
  return { consoles, proxied, grpc, mcp, routes };
}

/** Every endpoint's evidence, most telling first. */
export function endpointEvidence(e: Endpoints): RepoEvidence[] {
  return [...e.consoles.map((c) => c.evidence), ...e.proxied, ...e.grpc.map((g) => g.evidence), ...e.mcp, ...e.routes];
}

/** "a Eureka registry (…), 2 gRPC servers and 3 routes". */
export function describeEndpoints(e: Endpoints): string {
  const parts = [
    ...e.consoles.map((c) => c.name),
    e.proxied.length ? `${plural(e.proxied.length, "edge route")} to consoles or admin APIs` : "",
    e.grpc.length ? plural(e.grpc.length, "gRPC server") : "",
    e.mcp.length ? "an MCP server over HTTP" : "",
    e.routes.length ? plural(e.routes.length, "route") : "",
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
}

function dedupe<T extends { evidence: RepoEvidence }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.evidence.path}:${i.evidence.lineStart}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
