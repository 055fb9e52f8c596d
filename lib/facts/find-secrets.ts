import { findK8sSecretData } from "@/lib/facts/find-k8s-secret-data";
import { findProviderSecrets } from "@/lib/facts/find-provider-secrets";
import { findSecretAssignments } from "@/lib/facts/find-secret-assignments";
import { findSecretCalls } from "@/lib/facts/find-secret-calls";
import {
  DSN_CREDENTIALS,
  ENV_BOUND_CLASS,
  literalPart,
  looksSecretName,
  PEM_BEGIN,
  PEM_END,
  QUERY_CREDENTIALS,
  type SecretHit,
  URL_CREDENTIALS,
} from "@/lib/facts/secret-rules";

const CONFIG_LIKE =
  /(^|\/)(\.env[^/]*|[^/]*\.(env|ya?ml|json|properties|toml|ini|conf|cfg|sh|bash|zsh|tf|tfvars|xml|txt)|Dockerfile[^/]*|[^/]*\.dockerfile|Containerfile|Procfile|Makefile)$/i;
const DOCKERFILE = /(^|\/)(Dockerfile[^/]*|[^/]*\.dockerfile|Containerfile)$/i;
const YAML = /\.ya?ml$/i;
const SHELL = /\.(sh|bash|zsh)$/i;
// `- name: DB_PASSWORD` then `value: ...` (Kubernetes env, ECS task definitions): the key is on another line.
// One regex for both keys, so several pairs on one line (`[{name: A, value: x}, {name: B, value: y}]`) pair in order.
const ENV_PAIR_KEY = /(?:^|[\s{,-])["']?(name|value)["']?\s*:\s*/g;
const ENV_NAME_VALUE = /^["']?([A-Za-z_][\w.-]*)["']?\s*(?:,|$|})/;
const JVM_SOURCE = /\.(java|kt)$/i;
const CONFIG_COMMENT = /^\s*(#|;|\/\/)/;
// A JSON Web Key with its private members (RSA `d`, `p`, `q`, `dp`, `dq`, `qi`; EC/OKP `d`): a signing key.
const JWK_TYPE = /"kty"\s*:/i;
const JWK_PRIVATE = /"(d|p|q|dp|dq|qi)"\s*:\s*"([A-Za-z0-9_-]{16,})"/dgi;

/**
 * Finds secret-looking literals in one file's lines (see `secret-rules.ts` for the policy) and returns the
 * spans to redact; `report` marks the hits that become SecretCandidates. Pure: text in, positions out.
 * Overlaps resolve by priority: secretlint's provider keys and tokens, then private keys, URL credentials,
 * assignments, credentials passed to calls.
 */
export function findSecrets(opts: { path: string; lines: readonly string[] }): SecretHit[] {
  return scanSecrets(opts).hits;
}

/** Secret candidates one file may hold before its scan stops (DOZEN_FILE_MAX_SECRET_CANDIDATES' default). */
export const DEFAULT_MAX_SECRET_CANDIDATES = 1_000;

/**
 * findSecrets with a cap: past `maxCandidates` reported candidates the scan stops (a line of 70,000
 * `"password":"x"` pairs is a dump, not configuration, and each candidate costs its checks), and
 * `stoppedAtLine` is the first line not wholly scanned: the caller withholds it and every line after it.
 */
export function scanSecrets(opts: { path: string; lines: readonly string[]; maxCandidates?: number }): {
  hits: SecretHit[];
  stoppedAtLine: number | null;
} {
  const { path, lines } = opts;
  const cap = opts.maxCandidates ?? Infinity;
  let reported = 0;
  const configLike = CONFIG_LIKE.test(path);
  const dockerfile = DOCKERFILE.test(path);
  const accepted: SecretHit[] = [];
  // Each line's accepted hits, sorted by start and never overlapping: a clash is found by binary search, so a
  // line with thousands of secrets (one-line JSON) costs n log n, not n².
  const byLine = new Map<number, SecretHit[]>();
  const add = (hit: Omit<SecretHit, "keepPrefix" | "report"> & Partial<SecretHit>) => {
    if (hit.end < hit.start || (hit.end === hit.start && hit.report === false)) return;
    let onLine = byLine.get(hit.line);
    if (!onLine) byLine.set(hit.line, (onLine = []));
    const at = firstStartingFrom(onLine, hit.start);
    const clashes: SecretHit[] = [];
    const clash = (a: SecretHit) =>
      a.start === a.end ? hit.start <= a.start && a.start < hit.end : a.start < hit.end && hit.start < a.end;
    // Only the hit before (and a point sharing its start) can reach into this one; after it, clashes are a run.
    for (let k = Math.max(0, at - 2); k < at; k++) if (clash(onLine[k]!)) clashes.push(onLine[k]!);
    for (let k = at; k < onLine.length && clashes.length < 64 && clash(onLine[k]!); k++) clashes.push(onLine[k]!);
    // A token inside a secret assignment keeps the assignment's name, which says what it unlocks.
    for (const clash of clashes) clash.name ??= hit.name;
    if (clashes.length > 0) return;
    const accept: SecretHit = { keepPrefix: true, report: true, ...hit };
    if (accept.report) reported += 1;
    accepted.push(accept);
    onLine.splice(at, 0, accept);
  };

  // Secret data first: its base64 values must not keep a prefix, whichever detector also sees them.
  if (YAML.test(path)) for (const hit of findK8sSecretData({ lines })) add(hit);
  for (const hit of findProviderSecrets({ path, lines })) add(hit);
  // Spring binds a @ConfigurationProperties class from the environment: its field initialisers are defaults.
  const fallback = JVM_SOURCE.test(path) && lines.some((l) => ENV_BOUND_CLASS.test(l));
  const jwk = lines.some((l) => JWK_TYPE.test(l));
  let jwkReported = false;
  let inPem = false;
  let pendingName: { name: string; line: number } | null = null;
  let stoppedAtLine: number | null = null;
  for (let i = 0; i < lines.length && stoppedAtLine === null; i++) {
    const text = lines[i]!;
    const line = i + 1;
    // One candidate past the cap found on this line means the line (and the file) was not read to its end.
    const left = () => cap - reported;
    let cut = false;
    inPem = scanPem(text, line, inPem, add);
    if (jwk) {
      JWK_PRIVATE.lastIndex = 0;
      for (let m = JWK_PRIVATE.exec(text); m; m = JWK_PRIVATE.exec(text)) {
        const [start, end] = m.indices?.[2] ?? [0, 0];
        add({ line, start, end, kind: "private-key", name: m[1] ?? null, keepPrefix: false, report: !jwkReported });
        jwkReported = true;
      }
    }
    for (const regex of [URL_CREDENTIALS, DSN_CREDENTIALS, QUERY_CREDENTIALS]) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m && !(cut ||= left() <= 0); m = regex.exec(text)) {
        const group = m.indices?.[m.length - 1];
        const value = m[m.length - 1] ?? "";
        if (group && literalPart(value)) add({ line, start: group[0], end: group[1], kind: "connection-string-credentials", name: null });
      }
    }
    // A comment line of a config file: `# DB_PASSWORD=old-one` commented out is still masked (not reported),
    // `# set db.password=... at install time` is prose.
    const comment = configLike && CONFIG_COMMENT.test(text);
    const limit = left() + 1;
    const assignments = findSecretAssignments({
      line: text,
      configLike,
      dockerfile,
      shellWords: dockerfile || SHELL.test(path),
      fallback,
      limit,
    });
    cut ||= assignments.length >= limit;
    for (const a of assignments) {
      if (comment && /\s/.test(text.slice(a.start, a.end))) continue;
      add({ line, start: a.start, end: a.end, kind: `${kindOf(a.name)}-assignment`, name: a.name, report: !comment });
    }
    if (!configLike && !cut) {
      const callLimit = left() + 1;
      const calls = findSecretCalls({ line: text, limit: callLimit });
      cut ||= calls.length >= callLimit;
      for (const c of calls) add({ line, start: c.start, end: c.end, kind: `${kindOf(c.name)}-argument`, name: c.name });
    }
    ENV_PAIR_KEY.lastIndex = 0;
    for (let m = ENV_PAIR_KEY.exec(text); m && !(cut ||= left() <= 0); m = ENV_PAIR_KEY.exec(text)) {
      const start = m.index + m[0].length;
      if (m[1] === "name") {
        const name = ENV_NAME_VALUE.exec(text.slice(start))?.[1];
        pendingName = name && looksSecretName(name) ? { name, line } : null;
      } else if (pendingName && line - pendingName.line <= 3) {
        const valueAt = { name: pendingName.name, index: start };
        for (const a of findSecretAssignments({ line: text, configLike: configLike || YAML.test(path), valueAt })) {
          add({ line, start: a.start, end: a.end, kind: `${kindOf(a.name)}-assignment`, name: a.name });
        }
        pendingName = null;
      }
    }
    if (cut) stoppedAtLine = line;
  }
  return { hits: accepted.sort((a, b) => a.line - b.line || a.start - b.start), stoppedAtLine };
}

/** Index of the first hit starting at or after `start` (hits sorted by start). */
function firstStartingFrom(hits: readonly SecretHit[], start: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function kindOf(name: string): string {
  const n = name.toLowerCase();
  if (/pass|pwd/.test(n)) return "password";
  if (/token/.test(n)) return "token";
  if (/key/.test(n)) return "key";
  return "secret";
}

/** Private key blocks: the header line is reported, every body line is redacted whole. Returns "still inside". */
function scanPem(
  text: string,
  line: number,
  inPem: boolean,
  add: (h: Omit<SecretHit, "keepPrefix" | "report"> & Partial<SecretHit>) => void,
): boolean {
  const begin = PEM_BEGIN.exec(text);
  let bodyStart = text.length - text.trimStart().length;
  if (begin) {
    // A zero-width hit: reported as the candidate, redacts nothing (the header itself is not secret).
    add({ line, start: begin.index, end: begin.index, kind: "private-key", name: null });
    bodyStart = begin.index + begin[0].length;
  } else if (!inPem) return false;
  const end = PEM_END.exec(text.slice(bodyStart));
  const bodyEnd = end ? bodyStart + end.index : text.length;
  if (bodyEnd > bodyStart) add({ line, start: bodyStart, end: bodyEnd, kind: "private-key", name: null, keepPrefix: false, report: false });
  return !end;
}
