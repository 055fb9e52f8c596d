import { backingKinds } from "@/lib/rules/helpers/backing-services";
import { baseName, productionFiles, serverSourceFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findLiteralClientLocations } from "@/lib/rules/helpers/backing-clients";
import { ENV_READ } from "@/lib/rules/helpers/env-reads";
import { findLineMatches, matchEvidence, patternFor } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";

const SCHEMES = "(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|kafka|nats|memcached?|sqlserver|mssql)";
const PORTS = "(?:5432|3306|1433|6379|27017|5672|9092|11211|9200|4222)";
/** A located backing service: URL with a literal host, host:port of a well-known server, ADO.NET host. */
const HARDCODED_LOCATION = new RegExp(
  [
    // The host must be written: `amqp://guest:x@%s:5672` formats it in, `startsWith('rediss://')` has none.
    `\\b${SCHEMES}://(?![^@/\\s"'\`]*@[$<{%*\\s"'\`])(?![$<{%*\\s"'\`])`,
    `["'\`](?:localhost|127\\.0\\.0\\.1|(?:\\d{1,3}\\.){3}\\d{1,3}|[\\w-]+(?:\\.[\\w-]+)+):${PORTS}["'\`/]`,
    `\\b(?:Server|Host|Data Source|Address)\\s*=\\s*[^;"'$\\s{][^;"']*;[^"']*(?:Database|Initial Catalog)\\s*=`,
    `\\b(?:host|hostname|server|addr|address)["']?\\s*[:=]\\s*["'](?!0\\.0\\.0\\.0|127\\.)(?:\\d{1,3}\\.){3}\\d{1,3}["']`,
  ].join("|"),
  "i",
);
// Config files that are packaged with the build (not deploy config such as manifests or .env templates).
// A remote host: an IP other than loopback/any, or a dotted name after `scheme://` (`db`, `localhost` are local).
const REMOTE_HOST =
  /(?<![\w.])(?!127\.|0\.0\.0\.0)(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|:\/\/(?:[^@/\s"'`]*@)?(?!localhost\b)[\w-]+(?:\.[\w-]+)+|\b(?:Server|Host|Data Source|Address)\s*=\s*(?:tcp:)?(?!localhost\b)[\w-]+(?:\.[\w-]+)+/i;
const BAKED_CONFIG =
  /^(application[\w-]*\.(properties|ya?ml)|appsettings[\w.]*\.json|web\.config|database\.ya?ml|config\.(json|ya?ml|toml)|settings\.(json|ya?ml|toml))$/;
// ASP.NET Core and Spring Boot override every key of these from the environment (`ConnectionStrings__Db`,
// `SPRING_DATASOURCE_URL`): `amqp://localhost` or `server=sqlserver` there is a default each deploy replaces, which is
// config. Only a remote host (`sql-prod-01.acme.internal`, an IP) is pinned: every deploy that forgets it talks to it.
const OVERRIDABLE_CONFIG = /^(application[\w-]*\.(properties|ya?ml)|appsettings[\w.]*\.json)$/;
const DEV_ONLY = /(dev|development|local|test)/i;

export const rule: RepositoryCheck = {
  id: "backingServicesAttachedByUrl",
  version: 3,
  factor: "backing-services",
  title: "Backing services are attached through config, not hard-coded locations",
  rationale:
    "A database, cache or broker is an attached resource: swapping it (failover, a managed service, a new region) " +
    "must be a config change. A host or URL written in code pins the app to one instance.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const kinds = backingKinds(facts);
    const matches = findLineMatches({ facts, patterns: HARDCODED_LOCATION, files: filesToCheck(facts) }).filter(
      // `os.getenv("DATABASE_URL", "postgres://localhost/dev")` is a local default the environment overrides;
      // `process.env.REDIS_URL ?? "redis://10.0.0.12:6379"` silently points every deploy at one server.
      (m) =>
        (!patternFor(ENV_READ, m.file.language)?.test(m.code) && !OVERRIDABLE_CONFIG.test(baseName(m.file.path))) ||
        REMOTE_HOST.test(m.code),
    );
    const evidence = [...matches.map((m) => matchEvidence(m))];
    // A client constructed with a literal host, as the syntax tree shows it (`Redis(host="redis")`).
    for (const e of findLiteralClientLocations(serverSourceFiles(facts)))
      if (!evidence.some((x) => x.path === e.path && x.lineStart === e.lineStart)) evidence.push(e);
    if (evidence.length > 0) {
      return fail(`Backing-service locations hard-coded in code or packaged config (${plural(evidence.length, "place")}).`, evidence);
    }
    if (kinds.size === 0) return notApplicable("No backing service (database, cache, broker) found.");
    return pass(`Uses ${[...kinds].join(", ")} without hard-coded locations.`);
  },
};

function filesToCheck(facts: ServiceFacts): TextFile[] {
  // A Kubernetes ConfigMap (`k8s/base/config.yaml`) is the deploy config attaching the resource, not baked config.
  const manifests = new Set(facts.manifests.map((m) => m.path));
  return productionFiles(facts).filter((f) => {
    if (f.language !== null) return true;
    if (manifests.has(f.path)) return false;
    const name = baseName(f.path);
    return BAKED_CONFIG.test(name) && !DEV_ONLY.test(name);
  });
}
