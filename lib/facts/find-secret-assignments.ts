import { literalPart, looksSecretName } from "@/lib/facts/secret-rules";

// Key, optional closing quote, then an assignment operator. The lookbehind stops `db-password` from
// matching as `password` while still letting `--password=` match, and `${API_KEY:demo}` is a reference
// with its default, not an assignment to API_KEY.
// Comparisons count too: `if (password === "hunter2")` hard-codes the credential just the same.
const CONFIG_ASSIGNMENT = /(?<![\w.]|\$\{)(["']?)([A-Za-z_][\w.-]*)\1[ \t]*(:=|=>|===?|!==?|=(?![=~>])|:(?![:/=]))[ \t]*/g;
// Source code may annotate a type between the name and `=` (`val password: String = "..."`).
const CODE_ASSIGNMENT =
  /(?<![\w.]|\$\{)(["']?)([A-Za-z_][\w.-]*)\1[ \t]*(?::[ \t]*[\w.<>[\]|?]+[ \t]*)?(:=|=>|===?|!==?|=(?![=~>])|:(?![:/=]))[ \t]*/g;
// <password>hunter2</password> in Maven settings, Spring XML, web.config...
const XML_ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<]+)<\/\1>/g;
const DOCKER_ENV_SPACE_FORM = /^\s*(?:ENV|ARG)\s+([A-Za-z_]\w*)\s+(?!.*=)(\S.*?)\s*$/i;
// `typeof token === 'function'` checks a type; the literal names it, it is no value.
const TYPE_NAMES = new Set(["function", "string", "number", "object", "undefined", "boolean", "symbol", "bigint"]);

/**
 * Finds `secretName = literal` on one line and returns the column span of each literal (`start` inclusive,
 * `end` exclusive). `configLike` allows unquoted values (.env, YAML, properties, shell, Dockerfile); in
 * source code only quoted strings are literals, `password = getPassword()` is code.
 */
export function findSecretAssignments(opts: {
  line: string;
  configLike: boolean;
  dockerfile?: boolean;
  /** Shell and Dockerfile: an unquoted value ends at whitespace (`ENV A=x B=y`). */
  shellWords?: boolean;
  /** The key was on another line (`- name: DB_PASSWORD` / `value: ...`): read the value at `index` as `name`'s. */
  valueAt?: { name: string; index: number };
  /** Values here are defaults the environment overrides (a Spring `@ConfigurationProperties` class). */
  fallback?: boolean;
}): { name: string; start: number; end: number }[] {
  const { line, configLike } = opts;
  const found: { name: string; start: number; end: number }[] = [];
  const pushLiteral = (name: string, start: number, end: number) => {
    const literal = literalPart(line.slice(start, end), { fallback: opts.fallback === true });
    if (literal) found.push({ name, start: start + literal.offset, end: start + literal.offset + literal.length });
  };
  if (opts.valueAt) {
    const span = readValue(line, opts.valueAt.index, configLike, opts.shellWords === true);
    if (span) pushLiteral(opts.valueAt.name, span.start, span.end);
    return found;
  }
  const docker = opts.dockerfile ? DOCKER_ENV_SPACE_FORM.exec(line) : null;
  if (docker?.[1] && docker[2] && looksSecretName(docker[1])) {
    const raw = docker[2];
    const start = line.lastIndexOf(raw);
    const span = unquote(raw, start);
    pushLiteral(docker[1], span.start, span.end);
    return found;
  }
  XML_ELEMENT.lastIndex = 0;
  for (let m = XML_ELEMENT.exec(line); m; m = XML_ELEMENT.exec(line)) {
    const name = m[1] ?? "";
    const start = m.index + m[0].indexOf(">") + 1;
    if (looksSecretName(name)) pushLiteral(name, start, start + (m[2] ?? "").length);
  }
  const regex = configLike ? CONFIG_ASSIGNMENT : CODE_ASSIGNMENT;
  regex.lastIndex = 0;
  for (let m = regex.exec(line); m; m = regex.exec(line)) {
    const name = m[2] ?? "";
    if (!looksSecretName(name)) continue;
    const span = readValue(line, m.index + m[0].length, configLike, opts.shellWords === true, m.index);
    if (!span) continue;
    const value = line.slice(span.start, span.end);
    if (/[=!]=/.test(m[3] ?? "") && (/\btypeof\s*\(?\s*$/.test(line.slice(0, m.index)) || TYPE_NAMES.has(value))) continue;
    // In code, a value that spells its own name is a label or a field name: `{ pass: "Pass" }`, `PASSWORD = "password"`.
    if (!configLike && value.toLowerCase() === (name.split(/[.\-]/).at(-1) ?? "").toLowerCase()) continue;
    pushLiteral(name, span.start, span.end);
  }
  return found;
}

function unquote(raw: string, start: number): { start: number; end: number } {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.endsWith(q) && raw.length >= 2) return { start: start + 1, end: start + raw.length - 1 };
  return { start, end: start + raw.length };
}

function readValue(line: string, i: number, configLike: boolean, shellWords: boolean, keyStart = i): { start: number; end: number } | null {
  // The pair sits inside a string: `- "DB_PASSWORD=hunter2"` (a compose list item) ends at its closing quote;
  // in a sentence (`"why": "… options.ClientSecret = \"secret\""`, `"MYSQL_PASSWORD=password is a placeholder"`)
  // or an assembled string (`"token=" + token`) it is no value.
  const outer = openQuoteAt(line, keyStart);
  if (outer) {
    // Words before the key make a sentence; a connection string's pairs (`User Id=sa;Password=…`) do not.
    const before = line.slice(outer.at + 1, keyStart);
    if (/\s/.test(before) && !/[;&]\s*$/.test(before)) return null;
    const close = closingQuote(line, i, outer.quote);
    const raw = line.slice(i, close);
    const inner = /^(\\?["'])(.*)\1$/.exec(raw);
    const value = inner ? (inner[2] ?? "") : raw;
    if (value === "" || /\s/.test(value)) return null;
    const start = i + (inner ? (inner[1] ?? "").length : 0);
    return { start, end: start + value.length };
  }
  const q = line[i];
  if (q === '"' || q === "'" || q === "`") {
    // An unterminated quote is a multi-line string: redact the rest of the line rather than leak it.
    return { start: i + 1, end: closingQuote(line, i + 1, q) };
  }
  if (!configLike || q === undefined || "{[|>&!*#".includes(q)) return null;
  let rest = line.slice(i);
  if (shellWords) rest = rest.split(/\s/)[0] ?? "";
  const comment = /\s+#/.exec(rest);
  if (comment) rest = rest.slice(0, comment.index);
  // Inside a YAML/JSON flow collection a comma or bracket ends the value; elsewhere it may be part of it.
  if (/[{[]/.test(line.slice(0, i))) {
    const stop = /[,}\]]/.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
  }
  rest = rest.trimEnd();
  return rest === "" ? null : { start: i, end: i + rest.length };
}

/** The string `i` lies in (its quote and where it opens; escapes and other quote kinds inside respected), if any. */
function openQuoteAt(line: string, i: number): { quote: string; at: number } | undefined {
  let open: { quote: string; at: number } | undefined;
  for (let j = 0; j < i; j++) {
    const c = line[j]!;
    if (open) {
      if (c === "\\") j++;
      else if (c === open.quote) open = undefined;
    } else if (c === '"' || c === "'" || c === "`") open = { quote: c, at: j };
  }
  return open;
}

function closingQuote(line: string, from: number, quote: string): number {
  let j = from;
  while (j < line.length && !(line[j] === quote && line[j - 1] !== "\\")) j++;
  return j;
}
