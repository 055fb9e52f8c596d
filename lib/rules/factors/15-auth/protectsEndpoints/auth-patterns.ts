import type { LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";

// Knowledge as data: what authenticating a caller looks like, per language and in front of the app. A new
// library or convention is a line here and a fixture beside the rule.

/** Packages that authenticate callers (a server's middleware, a token verifier, an SPA's sign-in library). */
export const AUTH_PACKAGES =
  /^(passport[\w-]*|jsonwebtoken|jose|express-jwt|express-oauth2-jwt-bearer|express-openid-connect|express-basic-auth|@fastify\/(jwt|auth|basic-auth)|next-auth|@auth\/[\w-]+|@clerk\/[\w-]+|@nestjs\/passport|@azure\/msal-[\w-]+|oidc-client(-ts)?|@auth0\/auth0-[\w-]+|keycloak-js|@okta\/[\w-]+|flask[-_]login|flask[-_]jwt[-_]extended|flask[-_]httpauth|authlib|pyjwt|python-jose|djangorestframework-simplejwt|django-oauth-toolkit|fastapi-users|github\.com\/golang-jwt\/jwt[\w/]*|github\.com\/coreos\/go-oidc[\w/]*|golang\.org\/x\/oauth2|github\.com\/auth0\/go-jwt-middleware[\w/]*|github\.com\/casbin\/casbin[\w/]*|spring-boot-starter-(security|oauth2-resource-server)|org\.springframework\.boot:spring-boot-starter-(security|oauth2-resource-server)|org\.springframework\.security:[\w-]+|com\.auth0:java-jwt|io\.jsonwebtoken:jjwt[\w-]*|com\.nimbusds:nimbus-jose-jwt|Microsoft\.AspNetCore\.Authentication[\w.]*|Microsoft\.Identity\.Web)$/i;

const JS =
  /\bpassport\.authenticate\(|\bjwt\.verify\(|\bjwtVerify\(|\bexpressjwt\(|\brequiresAuth\(|@UseGuards\(|\bbasicAuth\(|\brequireBearerAuth\(|\b(requireAuth|authenticate|verifyToken|isAuthenticated|checkJwt|authMiddleware|requireUser)\b/;
// A JWT verified by hand in a controller (auth0 java-jwt, jjwt, Spring's decoder) counts as much as a filter chain.
const JVM =
  /\bSecurityFilterChain\b|@PreAuthorize\(|@Secured\(|@RolesAllowed\(|\boauth2ResourceServer\(|\bHttpSecurity\b|\bJWTVerifier\b|\bJwts\.parser(Builder)?\(|\bJwtDecoder\b/;

/** Authentication middleware, decorators, token verifiers and framework switches. */
export const AUTH_CODE: LanguagePatterns = {
  javascript: JS,
  typescript: JS,
  python:
    /@(login_required|jwt_required|requires_auth|permission_required|auth\.login_required)\b|\bDepends\(\s*(get_current_\w+|\w*auth\w*|oauth2_scheme|verify_\w+)|\bOAuth2PasswordBearer\(|\bHTTPBearer\(|\bHTTPBasic\(|\bAPIKeyHeader\(|\bpermission_classes\b|\bjwt\.decode\(|\b(BearerAuthProvider|JWTVerifier|RemoteAuthProvider|TokenVerifier)\b/,
  go: /\bjwt\.Parse\w*\(|\boidc\.NewProvider\(|\.Verifier\(|\bjwtmiddleware\.|\bcasbin\.|\bBasicAuth\(|\bgrpc_auth\.|\bauth\.(Unary|Stream)ServerInterceptor\(|\b(RequireAuth|Authenticate|RequireScope|AuthMiddleware|authMiddleware)\w*\(/,
  java: JVM,
  kotlin: JVM,
  // `AddDefaultAuthentication()` and the like: a shared extension that registers the JWT bearer scheme.
  csharp: /\bAdd\w*Authentication\(|\bUseAuthentication\(|\bAddJwtBearer\(|\[Authorize\b|\bRequireAuthorization\(/,
  ruby: /\bbefore_action\s+:authenticate|\bdevise_for\b|\bauthenticate_or_request_with_http/,
  php: /->middleware\(\s*["']auth/,
};

/**
 * A hand-written check of the incoming Authorization header or gRPC metadata, in any language (outgoing
 * clients *set* it instead).
 */
export const AUTH_HEADER =
  /\bHTTP_AUTHORIZATION\b|\b(?:req|request|r|ctx|c)\.(?:headers?|Header)(?:\.get\(|\.Get\(|\[)\s*["'`]authorization["'`]|\b(?:req|request)\.headers\.authorization\b|@RequestHeader\(\s*(?:(?:value|name)\s*=\s*)?(?:"Authorization"|HttpHeaders\.AUTHORIZATION)|\b(?:md|metadata)\.Get\(\s*"authorization"\s*\)|\bMetadata\.Key\.of\(\s*"authorization"/i;

/** Mesh and gateway objects that authenticate callers in front of the app (an AuthorizationPolicy only with identities). */
export const AUTH_KINDS = new Set(["RequestAuthentication", "AuthorizationPolicy", "SecurityPolicy"]);
/** In an Istio AuthorizationPolicy, the sources that name who calls: a workload identity or a token's principal. */
export const POLICY_IDENTITY = /^\s*-?\s*(principals|requestPrincipals)\s*:/;
/** Ingress annotations that put an authentication step in front (nginx auth-url/auth-type, oauth2-proxy sign-in). */
export const INGRESS_AUTH_ANNOTATION = /auth-(url|type|signin)/;

/** An edge proxy's own authentication: nginx basic/subrequest/JWT auth or an allow-list, Envoy auth filters. */
export const PROXY_AUTH =
  /^\s*(auth_basic\s+(?!off\b)|auth_request\s|auth_jwt\s|deny\s+all\s*;)|envoy\.filters\.http\.(ext_authz|jwt_authn|oauth2|basic_auth|rbac)\b/;
