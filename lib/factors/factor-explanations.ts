import type { FactorId } from "@/lib/factors/factors";

/** What each factor asks of a service and what Dozen looks at, in Dozen's own words. */
export const FACTOR_EXPLANATIONS: Record<FactorId, string> = {
  codebase:
    "A service is one codebase in version control, and every environment deploys a build of that same codebase. Dozen looks for a repository, and for per-environment copies of code or manifests that drift apart instead of differing only in config.",
  dependencies:
    "Everything the service needs is declared in a manifest and pinned by a lockfile, so a build on a fresh machine produces the same result. Dozen reads the dependency manifests and lockfiles of each ecosystem and flags floating versions.",
  config:
    "Anything that differs between deploys (URLs, credentials, feature switches) comes from the environment, never from the code or committed files. Dozen flags committed .env files, secret-looking literals and hard-coded settings, and reports only redacted previews of what it finds.",
  "backing-services":
    "Databases, queues, caches and external APIs are attached resources, located by a URL from config, so one can be swapped without a code change. Dozen flags hosts, IPs and connection strings written into the code.",
  "build-release-run":
    "Build once, release the build with config, run the release unchanged. Installing packages, compiling or migrating when a container starts blurs the stages and makes starts slow and unrepeatable.",
  processes:
    "Processes are stateless and share nothing: sessions, uploads and caches live in backing services, so any process can serve any request and be replaced at any time.",
  "port-binding":
    "The service is self-contained and exports HTTP by binding a port it is told about (PORT), rather than being injected into a web server or hard-coding its port.",
  concurrency:
    "Scale out by running more processes of a type (replicas, an autoscaler), not by growing one process or hiding schedulers and daemons inside the web process.",
  disposability:
    "Processes start fast and stop gracefully: they handle SIGTERM, drain in-flight work, and declare probes so the platform knows when they are ready and alive. Exec-form entrypoints make sure the signal reaches the app.",
  "dev-prod-parity":
    "Development, staging and production use the same kinds and versions of backing services and the same pinned images, so what works in one works in the others.",
  logs: "A process writes its log as an unbuffered event stream to stdout; routing and storage belong to the platform. Log files inside the container are lost with it and fill its disk.",
  "admin-processes":
    "Migrations, backfills and other one-off tasks run as separate processes (Jobs, one-off commands) from the same image and config as the app, not by hand or at web start.",
  "api-first":
    "The service's API is designed and published as a contract (OpenAPI, protobuf, GraphQL schema) that consumers and tests can rely on before and after the code changes.",
  telemetry:
    "The service can be observed in production: metrics, traces and health endpoints let operators see what it does without logging in to it.",
  auth: "Every endpoint is authenticated and authorized, and the workload itself runs with least privilege: not as root, with no credentials baked into its image.",
};
