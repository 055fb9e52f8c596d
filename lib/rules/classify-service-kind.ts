import type { ServiceFacts, ServiceKindName } from "@/lib/facts/types";
import { finalStage, finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { containers } from "@/lib/rules/helpers/manifests";
import { findLineMatches, type LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import { findApiRoutes, firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { imageRepository, imageWithoutVersion } from "@/lib/rules/helpers/images";
import { perFacts } from "@/lib/rules/helpers/per-facts";

// Knowledge as data: what each kind looks like. A new convention is a line here and a fixture.

/** Data stores and brokers a service image is built on (a custom Postgres or Kafka image is a data store). */
const DATASTORE_IMAGES =
  /^(postgres|postgis\/postgis|mysql|mariadb|mongo|redis|valkey\/valkey|elasticsearch|opensearchproject\/opensearch|apache\/kafka|bitnami\/kafka|confluentinc\/cp-kafka|cassandra|rabbitmq|minio\/minio|clickhouse\/clickhouse-server|influxdb|neo4j|couchdb|memcached|prom\/prometheus|mcr\.microsoft\.com\/mssql\/server)$/;

/** Web servers that serve a built front end as files. */
const STATIC_SERVERS = /^(nginx|nginxinc\/nginx-unprivileged|httpd|caddy|lipanski\/docker-static-website)$/;

/** Load generators: a tool, not a server (judged neither for telemetry nor for scaling). */
const LOAD_GENERATOR = /\b(locust|artillery|k6|gatling|vegeta|jmeter|hey|wrk)\b/i;
const LOAD_GENERATOR_IMAGES = /^(grafana\/k6|locustio\/locust|loadimpact\/k6|justb4\/jmeter)$/;

/** Where a gRPC server is started or a service registered. */
const GRPC_SERVER: LanguagePatterns = {
  go: /\bgrpc\.NewServer\(|\.RegisterService\(|Register\w+Server\(/,
  java: /\bServerBuilder\.forPort\(|\bNettyServerBuilder\b|\bGrpcService\b|\.addService\(/,
  kotlin: /\bServerBuilder\.forPort\(|\.addService\(/,
  csharp: /\bMapGrpcService<|\bAddGrpc\(/,
  python: /\bgrpc\.server\(|add_\w+Servicer_to_server\(/,
  javascript: /\bnew\s+grpc\.Server\(|\.addService\(/,
  typescript: /\bnew\s+grpc\.Server\(|\.addService\(|@GrpcMethod\(/,
  ruby: /\bGRPC::RpcServer\b/,
  rust: /\bServer::builder\(\)|\btonic::transport::Server\b/,
  php: /\bGrpc\\Server\b/,
};

/** Queue and stream consumers, and background hosts: a worker when no server is started. */
const WORKER: LanguagePatterns = {
  javascript: /\.consume\(|\bnew\s+Worker\(|\bKafka\(|\bconsumer\.run\(|\.process\(/,
  typescript: /\.consume\(|\bnew\s+Worker\(|\bKafka\(|\bconsumer\.run\(|@Processor\(|\.process\(/,
  python: /\bbasic_consume\(|\bCelery\(|\bKafkaConsumer\(|\bconsumer\.poll\(/,
  go: /\.Consume\(|\bsarama\.NewConsumer|\bkafka\.NewReader\(|\bjs\.Subscribe\(|\bnc\.Subscribe\(/,
  java: /@KafkaListener\b|@RabbitListener\b|@StreamListener\b|\bKafkaConsumer<|@Scheduled\b/,
  kotlin: /@KafkaListener\b|@RabbitListener\b|\bKafkaConsumer<|@Scheduled\b/,
  csharp:
    /\bBackgroundService\b|\bIHostedService\b|\bIConsumer<|\.Subscribe(Async)?\(|\bAddHostedService<|\.AddSubscription<|\bAddEventBus\w*\(/,
  ruby: /\bSidekiq::Worker\b|\bSneakers::Worker\b|\bsubscribe\(/,
  rust: /\.recv\(\)|\bconsumer\b/,
  php: /\bconsume\(|->basic_consume\(/,
};

/** MVC applications and page frameworks: routes by convention rather than one per line. */
const WEB_APP: LanguagePatterns = {
  csharp: /\bMapControllerRoute\(|\bMapRazorPages\(|\bMapBlazorHub\(|\bMapRazorComponents<|:\s*Controller(Base)?\b/,
  java: /@(Rest)?Controller\b/,
  python: /\bDjango\b|\burlpatterns\s*=/,
};
// `MapGet("/", ...)` beside a gRPC service answers "use a gRPC client": not an HTTP API.
const ROOT_ROUTE = /\(\s*["'`]\/["'`]/;

/** A deploy-only service's name, when no code or Dockerfile of it is in the repository. */
const TOOL_NAME = /(^|[-_])(load-?test|load-?gen(erator)?|locust|k6|loadtest|traffic-?gen)([-_]|$)/i;
const DATASTORE_NAME =
  /(^|[-_])(db|database|mongo(db)?|redis|postgres(ql)?|mysql|mariadb|rabbitmq|kafka|zookeeper|elasticsearch|opensearch|memcached)([-_]|$)/i;

const WORKER_NAME = /(^|[-_])(worker|consumer|processor|queue-master|dispatcher|scheduler)([-_]|$)/i;

/** A JavaScript package that only builds files for a browser (a single-page app a CDN or web server serves). */
const SPA_BUILD =
  /"build"\s*:\s*"[^"]*\b(vue-cli-service build|vite build|react-scripts build|ng build|webpack|parcel build|next export|astro build|svelte-kit build)/;

/**
 * What kind of service it is, so each check judges only what it is about: a long-running HTTP or gRPC server,
 * a worker, a job (deployed only as Jobs or CronJobs), a tool (a load generator), a data store (an image built
 * on a database or broker), or a static site (front-end files behind a web server). A kind the deploy config
 * states (a CronJob) wins; then the image it builds on; then its code; for a service whose code is elsewhere,
 * its name. Pure.
 */
export const classifyServiceKind = perFacts((facts: ServiceFacts): ServiceKindName => {
  if (facts.service.kind) return facts.service.kind;
  const base = facts.dockerfiles.map((df) => finalStage(df)?.image).find((i): i is string => typeof i === "string");
  const repository = base ? withoutRegistry(imageWithoutVersion(base)) : "";
  const lastSegment = base ? imageRepository(base) : "";
  const deps = facts.dependencyManifests.flatMap((m) => m.dependencies.map((d) => d.name));
  if (LOAD_GENERATOR_IMAGES.test(repository) || deps.some((d) => LOAD_GENERATOR.test(d))) return "tool";
  if (DATASTORE_IMAGES.test(repository) || DATASTORE_IMAGES.test(lastSegment)) return "datastore";
  const hasCode = facts.textFiles.some((f) => f.language !== null);
  if (!hasCode && facts.dockerfiles.length === 0) {
    if (TOOL_NAME.test(facts.service.name)) return "tool";
    if (DATASTORE_NAME.test(facts.service.name)) return "datastore";
    if (WORKER_NAME.test(facts.service.name)) return "worker";
    return "http";
  }
  const routes = [...findApiRoutes(facts), ...findLineMatches({ facts, patterns: WEB_APP })].filter((m) => !ROOT_ROUTE.test(m.code));
  const grpc = findLineMatches({ facts, patterns: GRPC_SERVER }).length > 0;
  // A server with both: its HTTP API is what callers see (a gRPC port beside it is for other services).
  if (grpc) return routes.length > 0 ? "http" : "grpc";
  if (STATIC_SERVERS.test(repository) && !hasServerCode(facts)) return "static";
  const consumes = findLineMatches({ facts, patterns: WORKER }).length > 0;
  // A consumer that serves only health and metrics endpoints is a worker, whatever host it runs in.
  if (consumes && routes.length === 0) return "worker";
  if (firstHttpEvidence(facts)) return "http";
  if (isSinglePageApp(facts)) return "static";
  if (consumes) return "worker";
  // No server seen in its code: a simulator sending traffic is a tool; then a port it is given to listen on
  // (EXPOSE, containerPort, a Kubernetes Service, compose ports) says server; anything else is a worker.
  if (isTrafficGenerator(facts)) return "tool";
  return listensOnAPort(facts) ? "http" : "worker";
});

function listensOnAPort(facts: ServiceFacts): boolean {
  return (
    facts.dockerfiles.some((df) => finalStageInstructions(df).some((i) => i.keyword === "EXPOSE")) ||
    facts.manifests.some((m) => m.kind === "Service" || containers(m).some((c) => Array.isArray(c.ports) && c.ports.length > 0)) ||
    facts.compose.some((file) => file.services.some((svc) => svc.ports.length > 0))
  );
}

/** An HTTP client call and a pause between calls in one file: a program that sends traffic, a simulator. */
const CLIENT_CALL =
  /\breqwest::|\brequests\.(get|post|put)\(|\bhttpx\.(get|post)\(|\bhttp\.(Get|Post|NewRequest)\(|\bfetch\(|\baxios\.(get|post)\(|\bnew\s+HttpClient\(|\.(Get|Post)Async\(/;
const PAUSE = /\bthread::sleep\(|\btokio::time::sleep\(|\btime\.sleep\(|\btime\.Sleep\(|\bsetInterval\(|\bThread\.sleep\(|\bTask\.Delay\(/;

/** A program that serves nothing and consumes nothing but calls HTTP APIs on a timer (a traffic simulator). */
function isTrafficGenerator(facts: ServiceFacts): boolean {
  return facts.textFiles.some((f) => f.language !== null && f.lines.some((l) => CLIENT_CALL.test(l)) && f.lines.some((l) => PAUSE.test(l)));
}

/** `opensearchproject/opensearch` from `public.ecr.aws/opensearchproject/opensearch`, `postgres` from `docker.io/library/postgres`. */
function withoutRegistry(image: string): string {
  const segments = image.split("/");
  const first = segments[0] ?? "";
  const rest = segments.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost") ? segments.slice(1) : segments;
  return (rest[0] === "library" && rest.length > 1 ? rest.slice(1) : rest).join("/");
}

function isSinglePageApp(facts: ServiceFacts): boolean {
  return facts.textFiles.some((f) => /(^|\/)package\.json$/.test(f.path) && SPA_BUILD.test(f.lines.join("\n")));
}

/** Server-side code beside the files a web server serves: a Node or Python server, not a built SPA bundle. */
function hasServerCode(facts: ServiceFacts): boolean {
  return facts.textFiles.some(
    (f) =>
      f.language !== null &&
      !/\.(vue|svelte|jsx|tsx)$/.test(f.path) &&
      !/(^|\/)(src|public|static|assets|app)\//.test(f.path) &&
      /(^|\/)(server|main|app)\.(py|go|rb|java|cs)$/.test(f.path),
  );
}
