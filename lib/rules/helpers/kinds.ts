import type { ServiceKindName } from "@/lib/facts/types";

// Which kinds of service a check is about (CheckInfo.kinds). Knowledge as data: a check names one of these.

/** Answers requests: an HTTP or gRPC server. */
export const SERVERS: readonly ServiceKindName[] = ["http", "grpc"];
/** Runs all the time and is restarted when it stops: servers, workers, static sites behind a web server. */
export const LONG_RUNNING: readonly ServiceKindName[] = ["http", "grpc", "worker", "static"];
/** Runs all the time and answers a health check: long-running processes and the data stores a repository builds. */
export const PROBED: readonly ServiceKindName[] = ["http", "grpc", "worker", "static", "datastore"];
/** Application code the team writes and runs as a process: servers and workers. */
export const APPLICATIONS: readonly ServiceKindName[] = ["http", "grpc", "worker"];
/** Application code, including one-off jobs. */
export const APPLICATIONS_AND_JOBS: readonly ServiceKindName[] = ["http", "grpc", "worker", "job"];
/** HTTP servers only (sessions, uploads, versioned routes). */
export const HTTP: readonly ServiceKindName[] = ["http"];
