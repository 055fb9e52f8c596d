import { runSecretlint, type SecretlintMessage } from "@/lib/facts/run-secretlint";
import type { SecretHit } from "@/lib/facts/secret-rules";
import { lineAtOffset } from "@/lib/text/line-at-offset";

// Identifiers the AWS rule finds with its ID scan: redacted (an audit keeps nothing it need not), never
// reported: an access key ID or an account ID alone unlocks nothing.
const IDENTIFIERS = new Set(["AWSAccessKeyID", "AWSAccountID"]);
// Private keys are redacted and reported by their PEM block in find-secrets.ts, whether or not secretlint's
// stricter check (a full-size key body) accepts them; a GCP service-account JSON holds one such block.
const PEM_COVERED = new Set(["PrivateKey", "PrivateKeyJSON", "PrivateKeyP12"]);
// Connection strings: only the password is the secret; user, host and database stay readable.
const URL_PASSWORD = /:\/\/[^\s:@/]*:([^\s@/]+)@/d;
const KINDS: Readonly<Record<string, string>> = {
  MongoDBConnection: "connection-string-credentials",
  MySQLConnection: "connection-string-credentials",
  PostgreSQLConnection: "connection-string-credentials",
  BasicAuth: "connection-string-credentials",
  IncomingWebhook: "slack-webhook",
  PackageJSON_xOauthToken: "github-token",
  Npmrc_authToken: "npm-token",
};

/**
 * What secretlint's recommended preset finds in one file (provider API keys and tokens, credentials in
 * database URLs), as column spans on lines: the token itself, or only the password of a URL, so the line
 * around it stays readable. Pure: text in, positions out.
 */
export function findProviderSecrets(opts: { path: string; lines: readonly string[] }): SecretHit[] {
  const text = opts.lines.join("\n");
  const messages = runSecretlint({ path: opts.path, text });
  if (messages.length === 0) return [];
  const starts = lineStarts(opts.lines);
  return messages.flatMap((m) => {
    if (PEM_COVERED.has(m.messageId)) return [];
    const span = secretSpan(text, m);
    const line = lineAtOffset(starts, span.start);
    const lineStart = starts[line - 1] ?? 0;
    // Tokens sit on one line; clip anything longer to it rather than mask other lines' text.
    const end = Math.min(span.end, lineStart + (opts.lines[line - 1]?.length ?? 0));
    const hit: SecretHit = {
      line,
      start: span.start - lineStart,
      end: end - lineStart,
      kind: kindOf(m.messageId),
      name: null,
      keepPrefix: true,
      report: !IDENTIFIERS.has(m.messageId),
    };
    return hit.end > hit.start ? [hit] : [];
  });
}

/** True when secretlint recognises a provider credential in a single value (an environment variable's). */
export function isProviderSecret(value: string): boolean {
  return runSecretlint({ path: "value", text: value }).some((m) => !IDENTIFIERS.has(m.messageId));
}

/**
 * Where the secret is inside a message's range: the value the rule named (its range can start at the key,
 * as the AWS secret-key rule's does), narrowed to the password for a URL with credentials.
 */
function secretSpan(text: string, m: SecretlintMessage): { start: number; end: number } {
  let start = m.range[0];
  let end = m.range[1];
  const value = [...m.values].sort((a, b) => b.length - a.length).find((v) => v.length > 0 && text.indexOf(v, m.range[0]) !== -1);
  if (value) {
    const at = text.indexOf(value, m.range[0]);
    if (at <= m.range[1]) [start, end] = [at, at + value.length];
  }
  const password = URL_PASSWORD.exec(text.slice(start, end))?.indices?.[1];
  return password ? { start: start + password[0], end: start + password[1] } : { start, end };
}

function kindOf(messageId: string): string {
  return (
    KINDS[messageId] ??
    messageId
      .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
      .replace(/_/g, "-")
      .toLowerCase()
  );
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return starts;
}
