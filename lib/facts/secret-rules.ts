/**
 * The data behind secret detection, kept apart from the scanning code so the policy reads in one place.
 *
 * Policy:
 * - Well-known token shapes are always secrets, wherever they appear (even in comments).
 * - An assignment is a secret when its key *ends* with a secret word (`DB_PASSWORD`, `apiKey`,
 *   `client_secret`, `GITHUB_TOKEN`), so `token_ttl` or `password_min_length` are not, and its value is a
 *   literal: in source code only quoted strings count (`password = getPassword()` is code, not a value);
 *   in config files (.env, YAML, properties, shell, Dockerfile) unquoted values count too.
 * - References are not secrets: `${VAR}`, `$VAR`, `$(VAR)`, `{{ .Values.x }}`, `process.env`, `os.environ`,
 *   `secretKeyRef`... but the default in `${VAR:-hunter2}` / `${VAR:hunter2}` is, since it is committed.
 * - Placeholders are not secrets: `<your-token>`, `changeme`, `xxxx`, `your-api-key`, values already
 *   redacted (`****`). A committed placeholder is public knowledge, not a leak; it stays visible in the
 *   redacted text so a rule can still flag default credentials.
 */

/** Token shapes that are secrets wherever they appear. Global regexes: reset lastIndex before use. */
export const TOKEN_PATTERNS: readonly { kind: string; regex: RegExp }[] = [
  { kind: "aws-access-key", regex: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g },
  { kind: "github-token", regex: /\bgh[pousr]_[A-Za-z0-9]{30,255}\b/g },
  { kind: "github-token", regex: /\bgithub_pat_[A-Za-z0-9_]{22,255}/g },
  { kind: "slack-token", regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: "slack-webhook", regex: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/g },
  { kind: "stripe-key", regex: /\b[spr]k_(?:live|test)_[A-Za-z0-9]{10,}/g },
  { kind: "google-api-key", regex: /\bAIza[0-9A-Za-z_-]{35}/g },
  { kind: "jwt", regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
];

/** `scheme://user:password@host`: group 1 is the password. */
export const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/?#"'`]*:([^\s@/?#"'`]+)@/dg;

/** `?password=...` / `;Password=...` in JDBC URLs and ADO.NET connection strings: group 2 is the value. */
export const QUERY_CREDENTIALS = /[?&;]\s*(password|pwd|passwd|secret|token|api_?key)\s*=\s*([^&;\s"'`]+)/dgi;

export const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
export const PEM_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

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

/** True when a variable/key name says it holds a credential (judged on its last word or two). */
export function looksSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const last = words.at(-1) ?? "";
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
  "undefined",
  "secret",
  "password",
  "xxx",
  "n/a",
]);
const REFERENCE_HINTS =
  /process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|secretKeyRef|valueFrom|\{\{|%\(|\$\(/;

/**
 * Classifies an assigned value: null when it is a reference or placeholder (nothing to redact), else the
 * offset and length of the literal part inside `value` (the default of `${VAR:-default}` for instance).
 */
export function literalPart(value: string): { offset: number; length: number } | null {
  const withDefault = /^\$\{[A-Za-z_][\w.]*(?::?[-=]|:)(.*)\}$/.exec(value);
  if (withDefault) {
    const fallback = withDefault[1] ?? "";
    return isPlaceholder(fallback) ? null : { offset: value.length - 1 - fallback.length, length: fallback.length };
  }
  if (/\$\{|^\$[A-Za-z_]\w*$/.test(value) || REFERENCE_HINTS.test(value)) return null;
  return isPlaceholder(value) ? null : { offset: 0, length: value.length };
}

function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "" || PLACEHOLDERS.has(v)) return true;
  if (/^<.*>$/.test(v) || /^\[.*\]$/.test(v) || /\*{4}$/.test(v) || /^[x*.\-_#]+$/.test(v)) return true;
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
