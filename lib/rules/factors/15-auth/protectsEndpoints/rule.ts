import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findApiRoutes } from "@/lib/rules/helpers/http-server";
import { dig, manifestEvidence } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { SERVERS } from "@/lib/rules/helpers/kinds";

const AUTH_PACKAGES =
  /^(passport[\w-]*|jsonwebtoken|jose|express-jwt|express-oauth2-jwt-bearer|express-openid-connect|express-basic-auth|@fastify\/(jwt|auth|basic-auth)|next-auth|@auth\/[\w-]+|@clerk\/[\w-]+|@nestjs\/passport|flask[-_]login|flask[-_]jwt[-_]extended|flask[-_]httpauth|authlib|pyjwt|python-jose|djangorestframework-simplejwt|django-oauth-toolkit|fastapi-users|github\.com\/golang-jwt\/jwt[\w/]*|github\.com\/coreos\/go-oidc[\w/]*|golang\.org\/x\/oauth2|github\.com\/auth0\/go-jwt-middleware[\w/]*|github\.com\/casbin\/casbin[\w/]*|spring-boot-starter-(security|oauth2-resource-server)|org\.springframework\.boot:spring-boot-starter-(security|oauth2-resource-server)|org\.springframework\.security:[\w-]+|Microsoft\.AspNetCore\.Authentication[\w.]*|Microsoft\.Identity\.Web)$/i;
const JS =
  /\bpassport\.authenticate\(|\bjwt\.verify\(|\bjwtVerify\(|\bexpressjwt\(|\brequiresAuth\(|@UseGuards\(|\bbasicAuth\(|\b(requireAuth|authenticate|verifyToken|isAuthenticated|checkJwt|authMiddleware|requireUser)\b/;
const JVM = /\bSecurityFilterChain\b|@PreAuthorize\(|@Secured\(|@RolesAllowed\(|\boauth2ResourceServer\(|\bHttpSecurity\b/;
/** Authentication middleware, decorators and framework switches. */
const AUTH_CODE = {
  javascript: JS,
  typescript: JS,
  python:
    /@(login_required|jwt_required|requires_auth|permission_required|auth\.login_required)\b|\bDepends\(\s*(get_current_\w+|\w*auth\w*|oauth2_scheme|verify_\w+)|\bOAuth2PasswordBearer\(|\bHTTPBearer\(|\bHTTPBasic\(|\bAPIKeyHeader\(|\bpermission_classes\b|\bjwt\.decode\(/,
  go: /\bjwt\.Parse\w*\(|\boidc\.NewProvider\(|\.Verifier\(|\bjwtmiddleware\.|\bcasbin\.|\bBasicAuth\(|\b(RequireAuth|Authenticate|RequireScope|AuthMiddleware|authMiddleware)\w*\(/,
  java: JVM,
  kotlin: JVM,
  csharp: /\bAddAuthentication\(|\bUseAuthentication\(|\bAddJwtBearer\(|\[Authorize\b|\bRequireAuthorization\(/,
  ruby: /\bbefore_action\s+:authenticate|\bdevise_for\b|\bauthenticate_or_request_with_http/,
  php: /->middleware\(\s*["']auth/,
};
// A hand-written check of the incoming Authorization header, in any language (outgoing clients *set* it instead).
const AUTH_HEADER =
  /\bHTTP_AUTHORIZATION\b|\b(?:req|request|r|ctx|c)\.(?:headers?|Header)(?:\.get\(|\.Get\(|\[)\s*["'`]authorization["'`]|\b(?:req|request)\.headers\.authorization\b/i;
// Auth enforced in front of the app: a mesh policy, an auth proxy, an ingress auth annotation.
const AUTH_KINDS = new Set(["RequestAuthentication", "AuthorizationPolicy", "SecurityPolicy"]);

export const rule: RepositoryCheck = {
  id: "protectsEndpoints",
  version: 1,
  factor: "auth",
  title: "HTTP endpoints require authentication",
  rationale:
    "Every endpoint is reachable by something it did not expect once it is deployed (a misrouted ingress, a peer " +
    "service, an attacker inside the network). Authenticate every request, in the app or in front of it.",
  judges: "repository",
  effort: "high",
  defaultWeight: 8,
  kinds: SERVERS,
  evaluate(facts) {
    // Health and metrics endpoints are meant to be open; only API routes need a caller's identity.
    const routes = findApiRoutes(facts);
    if (routes.length === 0) return notApplicable("No HTTP API routes found.");
    const evidence = [
      ...findLineMatches({ facts, patterns: AUTH_CODE, limit: 3 }).map((m) => matchEvidence(m)),
      ...findLineMatches({ facts, patterns: AUTH_HEADER, limit: 3 }).map((m) => matchEvidence(m)),
      ...findDependencies(facts, AUTH_PACKAGES).map((d) => d.evidence),
      ...authInFront(facts),
    ];
    if (evidence.length > 0) return pass("Requests are authenticated.", evidence.slice(0, 5));
    return fail(
      `${routes.length} route(s) and no authentication found in the app or in front of it.`,
      routes.slice(0, 3).map((m) => matchEvidence(m)),
    );
  },
};

function authInFront(facts: ServiceFacts): RepoEvidence[] {
  return facts.manifests
    .filter((m) => {
      const annotations = dig(m.object, "metadata", "annotations");
      const ingressAuth =
        m.kind === "Ingress" &&
        typeof annotations === "object" &&
        annotations !== null &&
        Object.keys(annotations).some((k) => /auth-(url|type|signin)/.test(k));
      return (
        AUTH_KINDS.has(m.kind) ||
        ingressAuth ||
        /oauth2-proxy/.test(JSON.stringify(dig(m.object, "spec", "template", "spec", "containers") ?? ""))
      );
    })
    .map((m) => manifestEvidence(facts, m, /kind:|auth-url|oauth2-proxy/));
}
