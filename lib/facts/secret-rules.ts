/**
 * The data behind secret detection, kept apart from the scanning code so the policy reads in one place.
 * Provider keys and tokens (AWS, GitHub, Slack, Stripe, OpenAI, npm...) are secretlint's job
 * (`run-secretlint.ts`, the maintained recommended preset); what is here are the context rules a
 * twelve-factor audit needs on top: credentials written as config values, in connection strings, in calls.
 *
 * Policy:
 * - An assignment is a secret when its key *ends* with a secret word (`DB_PASSWORD`, `apiKey`,
 *   `client_secret`, `GITHUB_TOKEN`), so `token_type` or `password_min_length` are not, and its value is a
 *   literal: in source code only quoted strings count (`password = getPassword()` is code, not a value);
 *   in config files (.env, YAML, properties, shell, Dockerfile) unquoted values count too.
 * - A few names end with a secret word and still are not one (`id-token: write`, a page token).
 * - References are not secrets: `${VAR}`, `$VAR`, `$(VAR)`, `{{ .Values.x }}`, `process.env`, `os.environ`,
 *   `secretKeyRef`, format placeholders (`%s`, `{}`)...
 * - Placeholders are not secrets: `<your-token>`, `changeme`, `xxxx`, `your-api-key`, values already
 *   redacted (`****`). A committed placeholder is public knowledge, not a leak.
 * - A weak well-known value (`password`, `secret`, `guest`, `admin`) is a credential when it is what runs
 *   (`MYSQL_PASSWORD=secret` in a Dockerfile), a stand-in when the environment overrides it: the default in
 *   `${VAR:-guest}` or a Spring `@ConfigurationProperties` field default. A default that looks real
 *   (`${DB_PASSWORD:-s3cr3tpw}`) is committed all the same.
 */

/** `scheme://user:password@host`: group 1 is the password. */
// The scheme (at most 32 characters) starts a run, not after each dot of `a.b.c…`: one pass over any line.
export const URL_CREDENTIALS = /\b(?<![a-z0-9][.+-])[a-z][a-z0-9+.-]{0,31}:\/\/[^\s:@/?#"'`]*:([^\s@/?#"'`]+)@/dg;

/** Go's MySQL driver DSN, no scheme: `user:password@tcp(db:3306)/name`; group 1 is the password. */
// It starts where a run of user characters starts, so a long `a.b.c…` run is read once, not once per dot.
export const DSN_CREDENTIALS = /(?<![\w./-])[\w.-]+:([^\s@/:"'`]+)@(?:tcp|unix)\(/dg;

/** `?password=...` / `;Password=...` in JDBC URLs and ADO.NET connection strings: group 2 is the value. */
export const QUERY_CREDENTIALS = /[?&;]\s*(password|pwd|passwd|secret|token|api_?key)\s*=\s*([^&;\s"'`]+)/dgi;

export const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
export const PEM_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * Calls that take a credential as a positional argument (`secretArg`, 0-based), written with a literal:
 * `pika.PlainCredentials('guest', 'guest')`, `new NetworkCredential("svc", "pw")`. `requires`: what must
 * follow the literal for the call to be the credential one (`new Secret("…".Sha256())` of IdentityServer,
 * not any `Secret("name")` resource).
 */
export const CREDENTIAL_CALLS: readonly { call: string; secretArg: number; requires?: RegExp; source: string }[] = [
  { call: "PlainCredentials", secretArg: 1, source: "pika (RabbitMQ, Python)" },
  { call: "NetworkCredential", secretArg: 1, source: ".NET System.Net" },
  { call: "UsernamePasswordCredentials", secretArg: 1, source: "Apache HttpClient" },
  { call: "PasswordAuthentication", secretArg: 1, source: "java.net" },
  { call: "BasicAWSCredentials", secretArg: 1, source: "AWS SDK for Java v1" },
  { call: "AwsBasicCredentials.create", secretArg: 1, source: "AWS SDK for Java v2" },
  { call: "HTTPBasicAuth", secretArg: 1, source: "requests" },
  { call: "HTTPDigestAuth", secretArg: 1, source: "requests" },
  { call: "BasicAuth", secretArg: 1, source: "aiohttp, httpx" },
  { call: "PlainAuth", secretArg: 2, source: "Go net/smtp" },
  { call: "Secret", secretArg: 0, requires: /^\s*\.Sha(256|512)\(\)/, source: "Duende/IdentityServer client secrets" },
];

/**
 * Methods that set a named value, `set…(name, value)`: `$c->setParameter('pdo_password', 'iloveit')`,
 * `props.setProperty("db.password", "…")`, `define('DB_PASSWORD', '…')`. `setdefault` only sets a default.
 */
export const KEY_VALUE_SETTER = /^(?:set(?!default)|put|add|with)\w*$|^define$/i;

/** Builders and setters named after what they set: `ds.setPassword("…")`, `.password("…")`, `withApiKey("…")`. */
export const NAMED_SETTER_PREFIX = /^(?:set|with)(?=[A-Z_])/;

/** Spring binds these classes' fields from the environment: a field initialiser is a default. */
export const ENV_BOUND_CLASS = /@ConfigurationProperties\b/;

const SECRET_LAST_WORDS = new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "credential",
  "credentials",
]);
const SECRET_LAST_PAIRS = new Set([
  "api key",
  "private key",
  "secret key",
  "access key",
  "auth key",
  "signing key",
  "encryption key",
  "master key",
  "key base",
]);
// End with a secret word, hold none: GitHub Actions' `permissions: id-token: write`, paging cursors,
// .NET's CancellationToken.
const NOT_SECRET_NAMES = new Set(["id token", "page token", "next page token", "next token", "continuation token", "cancellation token"]);

// Every name the scanners meet is judged here, often the same few thousands of times in a file.
const judged = new Map<string, boolean>();
const SECRET_WORD = /pass|pwd|secret|token|key|credential|base/i;

/** True when a variable/key name says it holds a credential (judged on its last word or two). */
export function looksSecretName(name: string): boolean {
  if (!SECRET_WORD.test(name)) return false;
  let verdict = judged.get(name);
  if (verdict === undefined) {
    if (judged.size >= 10_000) judged.clear();
    verdict = judgeName(name);
    judged.set(name, verdict);
  }
  return verdict;
}

function judgeName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const last = words.at(-1) ?? "";
  if (NOT_SECRET_NAMES.has(words.slice(-2).join(" ")) || NOT_SECRET_NAMES.has(words.slice(-3).join(" "))) return false;
  return SECRET_LAST_WORDS.has(last) || SECRET_LAST_PAIRS.has(words.slice(-2).join(" "));
}

const PLACEHOLDERS = new Set([
  "changeme",
  "change-me",
  "change_me",
  "changeit",
  "placeholder",
  "example",
  "dummy",
  "redacted",
  "todo",
  "tbd",
  "none",
  "null",
  "nil",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "undefined",
  "xxx",
  "n/a",
]);
// What a default overridden by the environment may be without being a committed credential: the well-known
// default of a local broker or database, or a stand-in an SDK needs to start.
const WEAK_DEFAULTS = new Set([
  "guest",
  "admin",
  "root",
  "user",
  "pass",
  "password",
  "secret",
  "demo",
  "test",
  "testing",
  "dev",
  "development",
  "local",
  "default",
  "empty",
  "sample",
  "fake",
  "mock",
]);
// A format placeholder is filled in at run time: `"%s:%s@tcp(%s)"`, `"{}:{}@{}"`, Ruby's `#{password}`.
const FORMAT_PLACEHOLDER = /^(%[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|\{\w*\}|%\(\w+\)[a-z]|#\{[^}]*\}|\$\d+)$/;
const REFERENCE_HINTS =
  /process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|secretKeyRef|valueFrom|\{\{|%\(|\$\(/;

/**
 * Classifies an assigned value: null when it is a reference or placeholder (nothing to redact), else the
 * offset and length of the literal part inside `value` (the default of `${VAR:-default}` for instance).
 * `fallback`: the whole value is a default the environment overrides, so a weak default is a stand-in.
 */
export function literalPart(value: string, opts?: { fallback?: boolean }): { offset: number; length: number } | null {
  const withDefault = /^\$\{[A-Za-z_][\w.]*(?::?[-=]|:)(.*)\}$/.exec(value);
  if (withDefault) {
    const fallback = withDefault[1] ?? "";
    return isStandIn(fallback) ? null : { offset: value.length - 1 - fallback.length, length: fallback.length };
  }
  if (/\$\{|^\$[A-Za-z_]\w*$/.test(value) || REFERENCE_HINTS.test(value) || FORMAT_PLACEHOLDER.test(value)) return null;
  if (opts?.fallback ? isStandIn(value) : isPlaceholder(value)) return null;
  return { offset: 0, length: value.length };
}

/** A default that stands in for the real value: a placeholder, or a weak, well-known or dummy value. */
export function isStandIn(value: string): boolean {
  const v = value.trim().toLowerCase();
  return isPlaceholder(v) || WEAK_DEFAULTS.has(v) || /^(sk-)?(dummy|demo|test|fake|mock|local|dev)([-_].*)?$/.test(v);
}

function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "" || PLACEHOLDERS.has(v)) return true;
  if (/^<.*>$/.test(v) || /^\[.*\]$/.test(v) || /\*{4}$/.test(v) || /^x+$/.test(v) || !/[\p{L}\p{N}]/u.test(v)) return true;
  return /^(your|my)[-_ ]/.test(v) || /^replace[-_ ]?me/.test(v);
}

/** One literal to redact: a column span on a 1-based line. Candidates are reported once per secret. */
export interface SecretHit {
  line: number;
  start: number;
  end: number;
  kind: string;
  name: string | null;
  /** False for values whose prefix would itself reveal something (base64 of a Secret's data). */
  keepPrefix: boolean;
  /** False for follow-up spans of one secret (private key body lines): redacted, not reported again. */
  report: boolean;
}
