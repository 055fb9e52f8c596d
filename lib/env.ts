import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env (web, workers, CLI, scripts). Every variable is documented here and in
 * the README's configuration table; an empty string counts as unset, so `FOO=` in a .env file does not
 * silently become a value.
 */

const emptyAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const bool = z.preprocess((v) => (typeof v === "string" ? ["1", "true", "yes", "on"].includes(v.toLowerCase()) : v), z.boolean());
const commaList = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : v;
const nameList = z.preprocess(commaList, z.array(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name (A-Z, 0-9, _)")));
const hostList = z.preprocess(
  (v) => (typeof v === "string" ? (commaList(v) as string[]).map((h) => h.toLowerCase()) : v),
  z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/, "a host name, optionally with :port")),
);

// Hosts a webhook may be sent to: `host`, `host:port` or `*.domain` (any host below it), lower-case.
const webhookHostList = z.preprocess(
  (v) => (typeof v === "string" ? (commaList(v) as string[]).map((h) => h.toLowerCase()) : v),
  z.array(
    z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/, "a host name (or *.domain), optionally with :port"),
  ),
);
// 32 bytes, as 64 hex digits or base64 (44 characters with padding, 43 without).
const secretKey = z
  .string()
  .trim()
  .refine(
    (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, "base64").length === 32,
    "32 bytes as 64 hex digits or base64 (openssl rand -base64 32)",
  );

// `key=value,key2=value2` with URL-encoded values, as OpenTelemetry's OTEL_*_HEADERS and OTEL_RESOURCE_ATTRIBUTES.
const keyValues = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const pairs = v.split(",").filter((p) => p.trim() !== "");
    if (pairs.some((p) => !/^[^=]+=/.test(p))) return null;
    return Object.fromEntries(
      pairs.map((p) => [p.slice(0, p.indexOf("=")).trim(), decodeURIComponent(p.slice(p.indexOf("=") + 1).trim())]),
    );
  },
  z.record(z.string(), z.string(), { error: "a comma-separated list of key=value pairs" }),
);

// Sign-in through the company's identity provider (OpenID Connect). Setting the issuer turns it on.
const signInShape = {
  /** OpenID Provider (its issuer URL, discovery at `/.well-known/openid-configuration`); unset: local mode. */
  DOZEN_OIDC_ISSUER: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** Client id of Dozen at the OpenID Provider (required with DOZEN_OIDC_ISSUER). */
  DOZEN_OIDC_CLIENT_ID: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Client secret of Dozen at the OpenID Provider (required with DOZEN_OIDC_ISSUER). */
  DOZEN_OIDC_CLIENT_SECRET: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Scopes asked for at sign-in, space-separated; add the one your provider needs for a groups claim. */
  DOZEN_OIDC_SCOPES: z.preprocess(emptyAsUnset, z.string().default("openid email profile")),
  /** The claim (ID token or userinfo) holding the user's groups, a list or one string. */
  DOZEN_OIDC_GROUPS_CLAIM: z.preprocess(emptyAsUnset, z.string().default("groups")),
  /** Key the session cookie is signed with (HMAC-SHA256), at least 32 characters (required with DOZEN_OIDC_ISSUER). */
  DOZEN_SESSION_SECRET: z.preprocess(emptyAsUnset, z.string().min(32, "at least 32 characters").optional()),
  /** How long a sign-in lasts, in hours. */
  DOZEN_SESSION_TTL_HOURS: z.preprocess(emptyAsUnset, z.coerce.number().min(0.01).max(720).default(12)),
  /**
   * Roles from groups: `role=group,group;…`, a maintainer limited to teams as `maintainer:team-a,team-b=group`
   * (team slugs); e.g. `admin=platform-admins;maintainer=eng-leads`. Anyone else who signs in is a viewer.
   */
  DOZEN_ROLE_GROUPS: z.preprocess(emptyAsUnset, z.string().default("")),
  /** The address people open Dozen at (`https://dozen.example.com`); unset: the request's own (Host, X-Forwarded-*). */
  DOZEN_PUBLIC_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
};

const SIGN_IN_REQUIRES = ["DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"] as const;

function requireSignInSettings(e: Partial<Record<keyof typeof signInShape, unknown>>, ctx: z.RefinementCtx): void {
  if (!e.DOZEN_OIDC_ISSUER) return;
  for (const key of SIGN_IN_REQUIRES)
    if (e[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "required when DOZEN_OIDC_ISSUER is set" });
}

const signInSchema = z.object(signInShape).superRefine(requireSignInSettings);

const base = z.object({
  /** PostgreSQL URL. Unset: `npm start` runs an embedded PostgreSQL under DOZEN_DATA_DIR. */
  DATABASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Where the embedded PostgreSQL keeps its data (and other local state). */
  DOZEN_DATA_DIR: z.preprocess(emptyAsUnset, z.string().default(".dozen")),
  /** TCP port of the embedded PostgreSQL (loopback only). */
  DOZEN_EMBEDDED_PG_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(54329)),
  /** Port the web process listens on. */
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
  /**
   * Interface the web process binds. Unset: `127.0.0.1` in local mode (no DOZEN_OIDC_ISSUER), `0.0.0.0` with
   * sign-in configured. Any address but loopback needs sign-in: the web refuses to start without it.
   */
  HOST: z.preprocess(emptyAsUnset, z.string().optional()),
  /**
   * Memory the web process keeps rendered pages in (lib/http/page-cache.ts): an answer is reused for the same
   * request of the same viewer while the database has not changed. 0 turns it off.
   */
  DOZEN_PAGE_CACHE_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(4096).default(32)),
  /** Longest a rendered page is reused, data unchanged (relative times such as "3 hours ago" age with it). */
  DOZEN_PAGE_CACHE_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3600).default(30)),
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  /** On an empty database, register this directory as a local source and scan it. Set to "off" to skip. */
  DOZEN_DEMO_FLEET: z.preprocess(emptyAsUnset, z.string().default("examples/fleet")),
  /**
   * A YAML file of the instance's ownership rules (`ownership:` list, as in dozen.yaml), applied before the
   * rules made in the UI; unset: none. Read when ownership is applied, so an edit counts at the next scan or
   * rule change.
   */
  DOZEN_OWNERSHIP_FILE: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Scan jobs one worker process runs at once. */
  DOZEN_WORKER_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(64).default(2)),
  /** File a worker rewrites every 10 s while it runs (its container probes read its age); unset: none. */
  DOZEN_WORKER_HEARTBEAT_FILE: z.preprocess(emptyAsUnset, z.string().optional()),
  /**
   * Heartbeat of scan jobs, in seconds (at least 10): a worker refreshes it every half of this while it holds
   * a job; a job whose heartbeat is this old (its worker was killed or lost) is failed and retried by another.
   */
  DOZEN_JOB_HEARTBEAT_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(10).max(3600).default(30)),
  /** Wall time one target's collection (a repository's download and reading, a local source) may take. */
  DOZEN_TARGET_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).default(300_000)),
  /** Memory (resident, MB) the process collecting one target may use; its V8 heap is capped at the same. */
  DOZEN_TARGET_MEMORY_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(64).max(65_536).default(1024)),
  /** How long a process may take to finish in-flight work after SIGTERM before it exits anyway. */
  DOZEN_SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).default(8000)),
  /** Default cron schedule (UTC) for new sources. */
  DOZEN_DEFAULT_SCHEDULE: z.preprocess(emptyAsUnset, z.string().default("0 3 * * *")),
  /** Per-request timeout for GitHub API calls and tarball downloads (a timed-out request is retried). */
  DOZEN_GITHUB_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).default(30_000)),
  /** Pages of a GitHub source's repository listing read per scan; past it the scan fails (a listing that never ends). */
  DOZEN_GITHUB_MAX_PAGES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(200)),
  /** Repositories a GitHub source may list; past it the scan fails (narrow it with include/exclude or topics). */
  DOZEN_GITHUB_MAX_REPOSITORIES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(10_000)),
  /** Compressed bytes of one repository's tarball (200 MiB); past it the repository fails. */
  DOZEN_TARBALL_MAX_BYTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1024).default(209_715_200)),
  /** Bytes one repository's tarball may inflate to (1 GiB, files written or not); past it the repository fails (a gzip bomb). */
  DOZEN_TARBALL_MAX_INFLATED_BYTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1024).default(1_073_741_824)),
  /** Entries of any kind (files, directories, links) in one repository's tarball; past it the repository fails. */
  DOZEN_TARBALL_MAX_ENTRIES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(100_000)),
  /** Directories in one repository's tarball; past it the repository fails (a directory bomb). */
  DOZEN_TARBALL_MAX_DIRECTORIES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(20_000)),
  /** Regular files in one repository's tarball; past it the repository fails (a data dump, not a service). */
  DOZEN_TARBALL_MAX_FILES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(50_000)),
  /** Files one source (a local directory, a repository) may hold; past it the whole source fails, not scanned. */
  DOZEN_SOURCE_MAX_FILES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(100_000)),
  /** Files under one service's directory; past it that service fails (a data dump, a home directory), the others are scanned. */
  DOZEN_SERVICE_MAX_FILES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(50_000)),
  /** Secret candidates one file may hold; past it the scan of that file stops and the rest of it is withheld from facts. */
  DOZEN_FILE_MAX_SECRET_CANDIDATES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(1_000)),
  /** Wall time of extracting one repository's tarball (download included); past it the repository fails. */
  DOZEN_TARBALL_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).default(120_000)),
  /** The Dozen web process the CLI's `dozen sources add` talks to. */
  DOZEN_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).default("http://localhost:3000")),
  /** API token the CLI sends to DOZEN_URL as `Authorization: Bearer …` (made with `dozen tokens create`). */
  DOZEN_TOKEN: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Kubeconfig file for Kubernetes sources that name no file of their own (first path if a list). */
  KUBECONFIG: z.preprocess(emptyAsUnset, z.string().optional()),
  /**
   * The environment variables a source may name as a credential (`tokenEnv`, `app.*Env`), comma-separated.
   * Any other name is refused, so a source cannot make the worker send DATABASE_URL or an API key anywhere.
   */
  DOZEN_CREDENTIAL_ENVS: z.preprocess(emptyAsUnset, nameList.default(["GITHUB_TOKEN", "GITHUB_APP_ID", "GITHUB_APP_PRIVATE_KEY"])),
  /**
   * GitHub API hosts a source may use (`host` or `host:port`, comma-separated): a token is sent to these
   * hosts (over https; plain http only to a loopback host) and to their archive hosts, never elsewhere.
   */
  DOZEN_GITHUB_HOSTS: z.preprocess(emptyAsUnset, hostList.default(["api.github.com"])),
  /** The only directory kubeconfig files are read from; unset: the directory of KUBECONFIG (none without it). */
  DOZEN_KUBECONFIG_DIR: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Allow kubeconfig users with `exec` or `auth-provider` plugins (they run a command as the worker's user). */
  DOZEN_KUBECONFIG_ALLOW_EXEC: z.preprocess(emptyAsUnset, bool.default(false)),
  /**
   * Directories local sources may lie below (`:`-separated, like PATH). Unset: none, except that `npm start`
   * with its embedded database (local mode) allows the repository's `examples/`.
   */
  DOZEN_LOCAL_ROOTS: z.preprocess(emptyAsUnset, z.string().optional()),
  /** `npm run bench:accuracy`: directory holding the corpus checkouts, one `<owner>__<name>` folder each. */
  DOZEN_ACCURACY_CORPUS: z.preprocess(emptyAsUnset, z.string().optional()),
  /**
   * Key that seals notification channels' credentials (webhook URLs, signing secrets) with AES-256-GCM: 32 bytes
   * as hex or base64. Unset: local mode keeps a random one in DOZEN_DATA_DIR/secret-key; with sign-in, channels
   * cannot be added. Changing it makes existing channels unreadable (delete and add them again).
   */
  DOZEN_SECRET_KEY: z.preprocess(emptyAsUnset, secretKey.optional()),
  /**
   * Hosts notification webhooks may be sent to (`host`, `host:port`, `*.domain`), comma-separated: checked when a
   * channel is added and again before every delivery; redirects are never followed.
   */
  DOZEN_WEBHOOK_HOSTS: z.preprocess(emptyAsUnset, webhookHostList.default(["hooks.slack.com", "*.webhook.office.com"])),
  /** SMTP server e-mail notifications are sent through (`smtp://user:pass@host:587`, `smtps://…`); unset: no e-mail channels. */
  DOZEN_SMTP_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^smtps?$/ }).optional()),
  /** Sender address of notification e-mails. */
  DOZEN_MAIL_FROM: z.preprocess(emptyAsUnset, z.string().default("Dozen <dozen@localhost>")),
  /** First retry delay of a failed notification delivery, in seconds; each next retry waits twice as long (5 attempts). */
  DOZEN_NOTIFY_RETRY_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3600).default(30)),
  /** When the weekly digests (each team's and the fleet's) are sent: a cron expression (UTC). */
  DOZEN_DIGEST_SCHEDULE: z.preprocess(emptyAsUnset, z.string().default("0 8 * * 1")),
  /** Longest an exemption may run, in days from when it is made (an accepted risk must expire; the others may). */
  DOZEN_EXEMPTION_MAX_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3650).default(180)),
  /**
   * Which exemptions wait for an admin's approval before they exempt anything: `none`, `accepted-risk` (only
   * accepted risks) or `all`. An admin's own request is approved as it is made.
   */
  DOZEN_EXEMPTION_APPROVAL: z.preprocess(emptyAsUnset, z.enum(["none", "accepted-risk", "all"]).default("none")),
  /** When expired exemptions are swept (their findings scored again, owners told of those expiring soon): a cron (UTC). */
  DOZEN_EXEMPTION_SWEEP_SCHEDULE: z.preprocess(emptyAsUnset, z.string().default("17 * * * *")),
  /** Database used by the tests instead of the embedded one. */
  TEST_DATABASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** `GET /api/metrics` answers only a request with a valid API token (`Authorization: Bearer dzn_…`, any role). */
  DOZEN_METRICS_REQUIRE_TOKEN: z.preprocess(emptyAsUnset, bool.default(false)),
  /** Port a worker process serves its Prometheus metrics on (`GET /metrics`); unset: it serves none. */
  DOZEN_WORKER_METRICS_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).optional()),
  /** OTLP/HTTP base URL traces are exported to (`/v1/traces` appended); unset: no trace leaves the process. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** The full OTLP/HTTP URL for traces, used as given; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** Headers sent with every export (`key=value,...`, values URL-encoded), e.g. a collector's API key. */
  OTEL_EXPORTER_OTLP_HEADERS: z.preprocess(emptyAsUnset, keyValues.default({})),
  /** Encoding of exported traces: `http/protobuf` or `http/json` (gRPC is not supported). */
  OTEL_EXPORTER_OTLP_PROTOCOL: z.preprocess(emptyAsUnset, z.enum(["http/protobuf", "http/json"]).default("http/protobuf")),
  /** `service.name` of the traces; unset: `dozen-web` for the web process, `dozen-worker` for workers. */
  OTEL_SERVICE_NAME: z.preprocess(emptyAsUnset, z.string().optional()),
  /** More resource attributes for every span (`key=value,...`), e.g. `deployment.environment.name=prod`. */
  OTEL_RESOURCE_ATTRIBUTES: z.preprocess(emptyAsUnset, keyValues.default({})),
  /** `true`: no tracing at all, whatever else is set (the web's request metrics still work). */
  OTEL_SDK_DISABLED: z.preprocess(emptyAsUnset, bool.default(false)),
  /** Use Prisma's native schema engine (needs internet for its download) instead of Dozen's WASM bridge. */
  PRISMA_USE_NATIVE_ENGINE: z.preprocess(emptyAsUnset, bool.default(false)),
  NODE_ENV: z.preprocess(emptyAsUnset, z.enum(["development", "production", "test"]).default("production")),
  ...signInShape,
});

const schema = base
  .superRefine(requireSignInSettings)
  // Without sign-in Dozen is one person's local tool: it listens on loopback only unless told otherwise.
  .transform((e) => ({ ...e, HOST: e.HOST ?? (e.DOZEN_OIDC_ISSUER ? "0.0.0.0" : "127.0.0.1") }));

export type Env = z.infer<typeof schema>;

/** Thrown at start-up with every invalid variable listed, so one fix-and-restart cycle is enough. */
export class InvalidEnvironmentError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid environment:\n  ${issues.join("\n  ")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Parses an environment (process.env by default); exported for tests of the validation itself. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * The value of an environment variable whose name a source's config holds (a GitHub source's `tokenEnv`,
 * default GITHUB_TOKEN), or undefined when unset or empty. Credentials live only in the environment: the
 * database stores the variable's name, never its value, and callers must never log it.
 */
export function namedVariable(opts: { name: string }): string | undefined {
  const value = process.env[opts.name];
  return value === undefined || value.trim() === "" ? undefined : value;
}

// The allow-lists a source is judged by are read when used, not cached with env(): a test starts its
// stand-ins on free ports first and names them after; in a deployment the environment never changes anyway.
function fresh<
  K extends
    | "DOZEN_CREDENTIAL_ENVS"
    | "DOZEN_GITHUB_HOSTS"
    | "DOZEN_LOCAL_ROOTS"
    | "DOZEN_WEBHOOK_HOSTS"
    | "DOZEN_SMTP_URL"
    | "DOZEN_SECRET_KEY"
    | "DOZEN_EXEMPTION_MAX_DAYS"
    | "DOZEN_EXEMPTION_APPROVAL"
    | "DOZEN_OWNERSHIP_FILE",
>(key: K): Env[K] {
  const result = base.shape[key].safeParse(process.env[key]);
  if (!result.success) throw new InvalidEnvironmentError(result.error.issues.map((i) => `${key}: ${i.message}`));
  return result.data as Env[K];
}

/** What sign-in needs, all set; null in local mode (no DOZEN_OIDC_ISSUER). */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  sessionSecret: string;
  sessionTtlMs: number;
  roleGroups: string;
  publicUrl: string | undefined;
}

/**
 * The sign-in settings, read when used like the allow-lists below (a test starts its OpenID Provider on a
 * free port, then names it); null in local mode. Invalid or incomplete settings throw, naming each variable.
 */
export function signInSettings(): SignInSettings | null {
  const source = Object.fromEntries(Object.keys(signInShape).map((k) => [k, process.env[k]]));
  const result = signInSchema.safeParse(source);
  if (!result.success) throw new InvalidEnvironmentError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = result.data;
  if (!e.DOZEN_OIDC_ISSUER) return null;
  return {
    issuer: e.DOZEN_OIDC_ISSUER,
    clientId: e.DOZEN_OIDC_CLIENT_ID!,
    clientSecret: e.DOZEN_OIDC_CLIENT_SECRET!,
    scopes: e.DOZEN_OIDC_SCOPES,
    groupsClaim: e.DOZEN_OIDC_GROUPS_CLAIM,
    sessionSecret: e.DOZEN_SESSION_SECRET!,
    sessionTtlMs: Math.round(e.DOZEN_SESSION_TTL_HOURS * 3_600_000),
    roleGroups: e.DOZEN_ROLE_GROUPS,
    publicUrl: e.DOZEN_PUBLIC_URL,
  };
}

/** The environment variables a source may name as a credential (DOZEN_CREDENTIAL_ENVS). */
export function credentialEnvs(): readonly string[] {
  return fresh("DOZEN_CREDENTIAL_ENVS");
}

/** The GitHub API hosts (`host` or `host:port`, lower-case) a source may send its credential to (DOZEN_GITHUB_HOSTS). */
export function githubHosts(): readonly string[] {
  return fresh("DOZEN_GITHUB_HOSTS");
}

/** The hosts (`host`, `host:port`, `*.domain`, lower-case) notification webhooks may be sent to (DOZEN_WEBHOOK_HOSTS). */
export function webhookHosts(): readonly string[] {
  return fresh("DOZEN_WEBHOOK_HOSTS");
}

/** The SMTP server e-mail notifications go through (DOZEN_SMTP_URL), read when used; undefined: no e-mail. Never log it. */
export function smtpUrl(): string | undefined {
  return fresh("DOZEN_SMTP_URL");
}

/** The exemption policy (DOZEN_EXEMPTION_MAX_DAYS, DOZEN_EXEMPTION_APPROVAL), read when used so a test may change it. */
export function exemptionPolicy(): { maxDays: number; approval: "none" | "accepted-risk" | "all" } {
  return { maxDays: fresh("DOZEN_EXEMPTION_MAX_DAYS"), approval: fresh("DOZEN_EXEMPTION_APPROVAL") };
}

/** DOZEN_SECRET_KEY as given (hex or base64 of 32 bytes), read when used; undefined when unset. Never log it. */
export function secretKeySetting(): string | undefined {
  return fresh("DOZEN_SECRET_KEY");
}

/** The one directory kubeconfig files may be read from: DOZEN_KUBECONFIG_DIR, else KUBECONFIG's (first file's) directory, else none. */
export function kubeconfigDir(): string | null {
  const dir = emptyAsUnset(process.env.DOZEN_KUBECONFIG_DIR) as string | undefined;
  if (dir) return path.resolve(dir);
  const first = (emptyAsUnset(process.env.KUBECONFIG) as string | undefined)?.split(path.delimiter).find(Boolean);
  return first ? path.dirname(path.resolve(first)) : null;
}

/** The instance's ownership rules file (DOZEN_OWNERSHIP_FILE), read when used; undefined when unset. */
export function ownershipFile(): string | undefined {
  return fresh("DOZEN_OWNERSHIP_FILE");
}

/** The directories local sources may lie below (DOZEN_LOCAL_ROOTS), as given; empty when none. */
export function localRoots(): readonly string[] {
  return (fresh("DOZEN_LOCAL_ROOTS") ?? "").split(":").filter((p) => p.trim() !== "");
}

/**
 * A bare environment for a tool run on untrusted input (kubectl rendering a scanned repository's Kustomize
 * directories): only PATH, so none of Dozen's credentials reach it, and no HOME whose config it could read.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  // One Go scheduler thread: a render is small, and a worker's core is shared with the scan around it.
  return { PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin", HOME: "/nonexistent", GOMAXPROCS: "1", NODE_ENV: "production" };
}

/**
 * The environment of the process that collects one target (a repository's tarball, a local directory): the
 * settings, without the database URL or any credential, none of which reading untrusted files needs.
 */
export function collectorEnv(): NodeJS.ProcessEnv {
  const withheld = new Set([
    "DATABASE_URL",
    "TEST_DATABASE_URL",
    "DOZEN_OIDC_CLIENT_SECRET",
    "DOZEN_SESSION_SECRET",
    "DOZEN_TOKEN",
    "OTEL_EXPORTER_OTLP_HEADERS",
    "DOZEN_SECRET_KEY",
    "DOZEN_SMTP_URL",
    ...credentialEnvs(),
  ]);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !withheld.has(name))) as NodeJS.ProcessEnv;
}

/**
 * The environment for a child process (web, worker, admin step) with overrides, e.g. the embedded
 * DATABASE_URL. Kept here so this module stays the only reader of process.env.
 */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
