import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findPageRendering, findProgramApiRoutes } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck, RuleResult } from "@/lib/rules/types";
import { SERVERS } from "@/lib/rules/helpers/kinds";
import { isVersionedPackage } from "@/lib/facts/parse-proto";
import type { ProtoService, ServiceFacts } from "@/lib/facts/types";

// A path literal whose first segments carry a major version: "/v1/orders", "GET /api/v2/x", "api/v1", "/v1".
const VERSIONED_PATH = /["'`]([A-Z]+\s+)?\/?([\w-]+\/){0,2}v\d+(\/|["'`])/;
// Where a whole router or API is mounted under a version prefix (Express `app.use("/v1", r)`, Go `Group("/v1")`,
// FastAPI `APIRouter(prefix="/v1")`, Spring `@RequestMapping("/v1")`, ASP.NET `MapGroup("/v1")`, `[Route("api/v1/...")]`).
const VERSIONED_MOUNT =
  /\b(use|Group|group|Route|Mount|mount|MapGroup|RequestMapping|Path|scope|namespace)\(\s*:?["'`]\/?([\w-]+\/)?v\d+\b|\b(namespace|scope)\s+:v\d+\b|\bprefix\s*=\s*["'`]\/?([\w-]+\/)?v\d+\b/;

// Versions outside the path: ASP.NET API Versioning (`api-version` query or header), Spring's `version =` attribute
// (Spring Framework 7) and media-type versions (`application/vnd.acme.v1+json`).
const VERSIONING_SCHEME =
  /\bHasApiVersion\(|\bNewVersionedApi\(|\[ApiVersion\(|\bAddApiVersioning\(|@(Get|Post|Put|Patch|Delete|Request)Mapping\(.*\bversion\s*=|application\/vnd\.[\w.-]+\.v\d+\+json/;

export const rule: RepositoryCheck = {
  id: "versionsApiRoutes",
  version: 3,
  factor: "api-first",
  title: "The API is versioned (a /v1 prefix, a versioned proto package or equivalent), so it can change without breaking consumers",
  rationale:
    "API-first means consumers depend on the contract. A version in the path (or in a gRPC service's proto " +
    "package, `acme.cart.v1`) lets a breaking change ship as v2 beside v1 while clients migrate, instead of " +
    "breaking every consumer on deploy day.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 3,
  kinds: SERVERS,
  evaluate(facts) {
    const http = judgeRoutes(facts);
    const grpc = judgeGrpc(facts);
    const failed = [http, grpc].filter((r) => r?.outcome === "fail");
    if (failed.length > 0)
      return fail(
        failed.map((r) => r!.message).join(" "),
        failed.flatMap((r) => r!.evidence),
      );
    const passed = [http, grpc].filter((r) => r?.outcome === "pass");
    if (passed.length > 0)
      return pass(
        passed.map((r) => r!.message).join(" "),
        passed.flatMap((r) => r!.evidence),
      );
    return http ?? notApplicable("No API routes or gRPC services declared.");
  },
};

/** The HTTP routes' answer; null when the service declares none (so a gRPC server is judged on its protos). */
function judgeRoutes(facts: ServiceFacts): RuleResult | null {
  const routes = findProgramApiRoutes(facts);
  if (routes.length === 0) {
    if (findPageRendering(facts).length > 0) return notApplicable("A web front end: its routes are pages for browsers, not an API.");
    return null;
  }
  const versioned = (code: string, path: string) => VERSIONED_PATH.test(code) || /(^|\/)v\d+\//.test(path);
  if (routes.some((m) => versioned(m.code, m.file.path))) {
    return pass(
      "API routes carry a version.",
      routes
        .filter((m) => versioned(m.code, m.file.path))
        .slice(0, 3)
        .map((m) => matchEvidence(m)),
    );
  }
  const mounts = [
    ...findLineMatches({ facts, patterns: VERSIONED_MOUNT, limit: 3 }),
    ...findLineMatches({ facts, patterns: VERSIONING_SCHEME, limit: 3 }),
  ];
  if (mounts.length > 0)
    return pass(
      "The API is mounted under a version prefix (or versioned by a scheme).",
      mounts.map((m) => matchEvidence(m)),
    );
  return fail(
    `No versioned API path (${plural(routes.length, "route")} without a /v<N> prefix).`,
    routes.map((m) => matchEvidence(m)),
  );
}

/**
 * The gRPC services the code registers, judged on their proto package: `/acme.cart.v1.CartService/AddItem` can
 * live beside `.v2`; `/hipstershop.CartService/AddItem` cannot. The standard health and reflection services
 * are not the team's API. Null when it serves none.
 */
function judgeGrpc(facts: ServiceFacts): RuleResult | null {
  const own = (facts.grpcServices ?? []).filter((s) => !/^grpc\.(health|reflection)\b/.test(s.package ?? ""));
  if (own.length === 0) return null;
  const unversioned = own.filter((s) => !isVersionedPackage(s.package));
  const evidence = (s: ProtoService) => {
    const line = s.packageLine ?? s.line;
    return protoEvidence(s.path, line, s.packageLine ? `package ${s.package};` : `service ${s.name} {`);
  };
  if (unversioned.length === 0)
    return pass(
      `gRPC services live in versioned proto packages (${[...new Set(own.map((s) => s.package))].join(", ")}).`,
      own.slice(0, 3).map(evidence),
    );
  const packages = [...new Set(unversioned.map((s) => s.package ?? "(no package)"))];
  return fail(
    `${plural(unversioned.length, "gRPC service")} (${unversioned.map((s) => s.name).join(", ")}) in proto package ${packages.join(", ")} with no major version (such as ${packages[0] === "(no package)" ? "acme.v1" : `${packages[0]}.v1`}).`,
    [...new Map(unversioned.map((s) => [`${s.path}:${s.packageLine ?? s.line}`, evidence(s)])).values()],
  );
}

function protoEvidence(path: string, line: number, snippet: string): RepoEvidence {
  return { type: "repo", path, lineStart: line, lineEnd: line, snippet };
}
