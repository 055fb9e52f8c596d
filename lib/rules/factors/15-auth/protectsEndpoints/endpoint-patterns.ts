import type { LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";

// Knowledge as data: what an endpoint looks like beyond the shared HTTP route table (lib/rules/helpers/http-server):
// gRPC servers, consoles a framework serves by itself, MCP servers, routes in forms that table does not read,
// and edge proxies. A new framework is a line here and a fixture beside the rule.

/**
 * Where a gRPC server is built or bound without transport credentials: the line a reviewer would point at.
 * Its statement (the call with its arguments, or the builder chain) is then read for credentials and interceptors.
 */
export const GRPC_SERVER: LanguagePatterns = {
  go: /\bgrpc\.NewServer\(/,
  java: /\b(Netty)?ServerBuilder\.forPort\(|\bGrpc\.newServerBuilderForPort\(/,
  kotlin: /\b(Netty)?ServerBuilder\.forPort\(|\bGrpc\.newServerBuilderForPort\(/,
  javascript: /\bServerCredentials\.createInsecure\(\)/,
  typescript: /\bServerCredentials\.createInsecure\(\)/,
  python: /\.add_insecure_port\(/,
  csharp: /\bMapGrpcService</,
};

/**
 * In a gRPC server's statement: credentials, interceptors (which may authenticate) or options built elsewhere
 * (`grpc.NewServer(opts...)`). The server is then not judged: the check cannot tell what they do.
 */
export const GRPC_GUARDED =
  /\bgrpc\.Creds\(|Interceptor|\binterceptors\s*[=:]|\.intercept\(|\buseTransportSecurity\(|\bsslContext\(|\w\.\.\.\s*\)|\bRequireAuthorization\(|\bssl_server_credentials\(/;
/** In the file that builds a Python or Node gRPC server, interceptors passed when it is created. */
export const GRPC_FILE_INTERCEPTORS = /\binterceptors\s*[=:]/;

/** Consoles and control-plane APIs a framework serves by itself, switched on by an annotation. */
export const CONSOLES: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /@EnableEurekaServer\b/, name: "a Eureka registry (dashboard and registration API)" },
  { pattern: /@EnableConfigServer\b/, name: "a Spring Cloud Config server (every service's configuration)" },
  { pattern: /@EnableAdminServer\b/, name: "a Spring Boot Admin console (actuators of every app)" },
  { pattern: /@EnableHystrixDashboard\b/, name: "a Hystrix dashboard (with its proxy.stream endpoint)" },
  { pattern: /@EnableTurbine(Stream)?\b/, name: "a Turbine metrics stream" },
];

/** An MCP server on an HTTP transport: its tools are endpoints any caller can invoke. */
export const MCP_HTTP: LanguagePatterns = {
  python: /\.run\([^)]*\btransport\s*=\s*["'](http|streamable-http|sse)["']|\.(streamable_http_app|sse_app|http_app)\(/,
  javascript: /\bnew\s+(StreamableHTTPServerTransport|SSEServerTransport)\(/,
  typescript: /\bnew\s+(StreamableHTTPServerTransport|SSEServerTransport)\(/,
};

/** Route declarations the shared route table does not read: Rust (actix, axum, rocket). */
export const MORE_ROUTES: LanguagePatterns = {
  rust: /#\[(get|post|put|patch|delete)\(\s*"\/|\.route\(\s*"\/|\bweb::resource\(\s*"\//,
};

/** Health, readiness and metrics endpoints, meant to be open. */
export const OPERATIONAL_PATH = /["'`]\/_?(health|healthz|healthcheck|ready|readyz|live|livez|ping|metrics|status)\b[\w/-]*["'`]/;

/** Edge proxy configuration files a service ships (nginx, Envoy). */
export const PROXY_CONFIG = /(^|\/)(nginx[\w.-]*\.conf|default\.conf|[\w.-]+\.nginx\.conf|envoy[\w.-]*\.ya?ml)$/i;
/** Where an nginx location or an Envoy route hands requests to a backend. */
export const PROXY_ROUTE = /^\s*(location\s+(=|~\*?|\^~)?\s*(\S+)\s*\{|-?\s*match:\s*\{?\s*(prefix|path):\s*["']([^"']+)["'])/;
export const PROXY_UPSTREAM = /\bproxy_pass\s+(\S+?);|\bcluster:\s*["']?([\w.-]+)/;
/** Operations consoles a public edge must not hand to anyone: observability UIs, flag and database admin tools. */
export const CONSOLE_UPSTREAM =
  /(^|[^\w-])(grafana|jaeger|kibana|prometheus|alertmanager|zipkin|flagd-ui|pgadmin|phpmyadmin|adminer|mongo-express|redis-commander|kafka-ui|admin)([^\w-]|$)/i;
/** A service that is itself an administration UI: everything it proxies is an admin API. */
export const ADMIN_SERVICE = /(^|[-_])admin([-_]|$)/i;

/** Template engines a Java or Kotlin web front end renders its pages with (views returned by name). */
export const VIEW_ENGINE_PACKAGES = /^(org\.springframework\.boot:)?spring-boot-starter-(thymeleaf|freemarker|mustache|groovy-templates)$/;
/** Pages of a shop: a cart, a basket, a checkout. */
export const STOREFRONT_ROUTE = /["'`](?:[^"'`]*\/)?(cart|basket|checkout)(?:[/?"'`]|$)/i;
