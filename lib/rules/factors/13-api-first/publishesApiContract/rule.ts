import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findPageRendering, findProgramApiRoutes } from "@/lib/rules/helpers/http-server";
import { isTestPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { classifyServiceKind } from "@/lib/rules/classify-service-kind";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { SERVERS } from "@/lib/rules/helpers/kinds";

/** Contract documents, wherever they live (docs/ included: that is a fine home for a contract). */
const CONTRACT_FILE =
  /(^|\/)((openapi|swagger|asyncapi)[\w.-]*\.(ya?ml|json)|[\w.-]+\.(proto|graphqls?|gql|raml|smithy|tsp)|schema\.graphql)$/i;
/** The opening key of an OpenAPI, Swagger or AsyncAPI document, in JSON or YAML. */
const CONTRACT_HEADER = /^\s*"?(openapi|swagger|asyncapi)"?\s*:\s*["']?\d/;
/** Frameworks that generate and serve an OpenAPI document from the code (code-first, not contract-first). */
const GENERATED_PACKAGES =
  /^(@nestjs\/swagger|@fastify\/swagger|swagger-jsdoc|tsoa|@ts-rest\/open-api|hono-openapi|@hono\/zod-openapi|fastapi|drf-spectacular|drf-yasg|flasgger|apispec|flask-smorest|github\.com\/swaggo\/swag|github\.com\/danielgtaylor\/huma[\w/]*|springdoc-openapi[\w-]*|io\.springfox:[\w-]+|org\.springdoc:[\w-]+|Swashbuckle\.AspNetCore[\w.]*|NSwag\.AspNetCore|Microsoft\.AspNetCore\.OpenApi)$/i;
const GENERATED_CODE = {
  python: /\bFastAPI\(/,
  csharp: /\bAddSwaggerGen\(|\bAddOpenApi\(|\bAddOpenApiDocument\(/,
  typescript: /\bSwaggerModule\.(setup|createDocument)\(/,
  java: /@OpenAPIDefinition\b/,
};

export const rule: RepositoryCheck = {
  id: "publishesApiContract",
  version: 2,
  factor: "api-first",
  title: "The API's contract is committed (OpenAPI, protobuf, GraphQL schema...)",
  rationale:
    "Consumers build against the contract, not the implementation. A published, versioned contract lets teams work " +
    "in parallel, generate clients and catch breaking changes in review instead of in production.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 5,
  kinds: SERVERS,
  evaluate(facts) {
    const contracts = [...contractFiles(facts), ...contractsByContent(facts)];
    if (contracts.length > 0) return pass("The API contract is committed.", contracts.slice(0, 5));
    // A gRPC server is generated from its .proto: the contract exists by construction (often in a shared protos/).
    if (classifyServiceKind(facts) === "grpc") return pass("A gRPC service: its contract is the .proto its stubs are generated from.");
    const [route] = findProgramApiRoutes(facts);
    if (!route) {
      return notApplicable(
        findPageRendering(facts).length > 0
          ? "A web front end: its routes are pages for browsers, not an API."
          : "Not an API: no routes besides health or metrics.",
      );
    }
    // A schema generated from the code at run time documents the implementation after the fact: useful, but
    // not a contract that was designed, reviewed and versioned first.
    const generated = generatedSchema(facts);
    if (generated.length > 0) {
      return fail("Only a schema generated from the code at run time; no contract is committed.", generated);
    }
    return fail("The service serves an API but commits no contract (OpenAPI, protobuf, GraphQL schema).", [matchEvidence(route)]);
  },
};

function contractFiles(facts: ServiceFacts): RepoEvidence[] {
  return facts.files
    .filter((p) => !isTestPath(pathInService(facts.service.path, p)) && CONTRACT_FILE.test(p) && !p.includes("node_modules/"))
    .slice(0, 5)
    .map((path) => pathEvidence({ facts, path }));
}

/** OpenAPI or AsyncAPI documents under any name (`Catalog.API.json`): the first lines say what they are. */
function contractsByContent(facts: ServiceFacts): RepoEvidence[] {
  return facts.textFiles
    .filter((f) => f.language === null && /\.(json|ya?ml)$/i.test(f.path) && !isTestPath(pathInService(facts.service.path, f.path)))
    .filter((f) => f.lines.slice(0, 5).some((l) => CONTRACT_HEADER.test(l)))
    .slice(0, 5)
    .map((f) => pathEvidence({ facts, path: f.path }));
}

function generatedSchema(facts: ServiceFacts): RepoEvidence[] {
  return [
    ...findLineMatches({ facts, patterns: GENERATED_CODE, limit: 1 }).map((m) => matchEvidence(m)),
    ...findDependencies(facts, GENERATED_PACKAGES).map((d) => d.evidence),
  ].slice(0, 3);
}
