import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findPageRendering, findProgramApiRoutes } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { HTTP } from "@/lib/rules/helpers/kinds";

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
  version: 2,
  factor: "api-first",
  title: "The API is versioned (a /v1 prefix or equivalent), so it can change without breaking consumers",
  rationale:
    "API-first means consumers depend on the contract. A version in the path lets a breaking change ship as /v2 " +
    "beside /v1 while clients migrate, instead of breaking every consumer on deploy day.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 3,
  kinds: HTTP,
  evaluate(facts) {
    const routes = findProgramApiRoutes(facts);
    if (routes.length === 0) {
      return notApplicable(
        findPageRendering(facts).length > 0 ? "A web front end: its routes are pages for browsers, not an API." : "No API routes declared.",
      );
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
  },
};
