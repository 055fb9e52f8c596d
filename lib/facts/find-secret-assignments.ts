import { literalPart, looksSecretName } from "@/lib/facts/secret-rules";

// Key, optional closing quote, then an assignment operator. The lookbehind stops `db-password` from
// matching as `password` while still letting `--password=` match, and `${API_KEY:demo}` is a reference
// with its default, not an assignment to API_KEY. A name starts where its run of name characters starts
// (`a-b-c…` is one name, not one per dash), and is at most 128 characters: one pass over any line.
// Comparisons count too: `if (password === "hunter2")` hard-codes the credential just the same.
const CONFIG_ASSIGNMENT = /(?<![\w.]|\$\{|[\w.]-+)(["']?)([A-Za-z_][\w.-]{0,127})\1[ \t]*(:=|=>|===?|!==?|=(?![=~>])|:(?![:/=]))[ \t]*/g;
// Source code may annotate a type between the name and `=` (`val password: String = "..."`).
const CODE_ASSIGNMENT =
  /(?<![\w.]|\$\{|[\w.]-+)(["']?)([A-Za-z_][\w.-]{0,127})\1[ \t]*(?::[ \t]*[\w.<>[\]|?]{1,128}[ \t]*)?(:=|=>|===?|!==?|=(?![=~>])|:(?![:/=]))[ \t]*/g;
// <password>hunter2</password> in Maven settings, Spring XML, web.config...
// Attributes hold no `<`: a tag that never closes is read up to the next one, not to the line's end.
const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,127})(?:\s[^<>]*)?>([^<]+)<\/\1>/g;
const DOCKER_ENV_SPACE_FORM = /^\s*(?:ENV|ARG)\s+([A-Za-z_]\w*)\s+(?!.*=)(\S.*)$/i;
// `typeof token === 'function'` checks a type; the literal names it, it is no value.
const TYPE_NAMES = new Set(["function", "string", "number", "object", "undefined", "boolean", "symbol", "bigint"]);

// A value longer than this is redacted whole without judging it (no placeholder is that long), so each
// assignment on a line costs at most its own value's length and a long line is read in linear time.
const MAX_VALUE = 4096;

/**
 * Finds `secretName = literal` on one line and returns the column span of each literal (`start` inclusive,
 * `end` exclusive). `configLike` allows unquoted values (.env, YAML, properties, shell, Dockerfile); in
 * source code only quoted strings are literals, `password = getPassword()` is code. Linear in the line's
 * length: an assignment inside a literal already found is not looked at again.
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
  /** Stop after this many (the file's candidate cap): a caller given exactly `limit` may not have seen the whole line. */
  limit?: number;
}): { name: string; start: number; end: number }[] {
  const { line, configLike } = opts;
  const found: { name: string; start: number; end: number }[] = [];
  const pushLiteral = (name: string, start: number, end: number): boolean => {
    const literal =
      end - start > MAX_VALUE
        ? { offset: 0, length: end - start }
        : literalPart(line.slice(start, end), { fallback: opts.fallback === true });
    if (literal) found.push({ name, start: start + literal.offset, end: start + literal.offset + literal.length });
    return literal !== null;
  };
  const quotes = quoteTracker(line);
  const firstBracket = line.search(/[{[]/);
  const read = (i: number, keyStart: number) =>
    readValue({
      line,
      i,
      keyStart,
      configLike,
      shellWords: opts.shellWords === true,
      outer: quotes.openAt(keyStart),
      inFlow: firstBracket >= 0 && firstBracket < i,
    });
  if (opts.valueAt) {
    const span = read(opts.valueAt.index, opts.valueAt.index);
    if (span) pushLiteral(opts.valueAt.name, span.start, span.end);
    return found;
  }
  const docker = opts.dockerfile ? DOCKER_ENV_SPACE_FORM.exec(line) : null;
  if (docker?.[1] && docker[2] && looksSecretName(docker[1])) {
    const raw = docker[2].trimEnd();
    const start = line.lastIndexOf(raw);
    const span = unquote(raw, start);
    pushLiteral(docker[1], span.start, span.end);
    return found;
  }
  XML_ELEMENT.lastIndex = 0;
  for (let m = XML_ELEMENT.exec(line); m && found.length < (opts.limit ?? Infinity); m = XML_ELEMENT.exec(line)) {
    const name = m[1] ?? "";
    const start = m.index + m[0].indexOf(">") + 1;
    if (looksSecretName(name)) pushLiteral(name, start, start + (m[2] ?? "").length);
  }
  const regex = configLike ? CONFIG_ASSIGNMENT : CODE_ASSIGNMENT;
  regex.lastIndex = 0;
  for (let m = regex.exec(line); m && found.length < (opts.limit ?? Infinity); m = regex.exec(line)) {
    const name = m[2] ?? "";
    if (!looksSecretName(name)) continue;
    const span = read(m.index + m[0].length, m.index);
    if (!span) continue;
    const value = span.end - span.start > MAX_VALUE ? "" : line.slice(span.start, span.end);
    if (
      /[=!]=/.test(m[3] ?? "") &&
      (/(?:^|[^\w$])typeof\s*\(?\s*$/.test(line.slice(Math.max(0, m.index - 64), m.index)) || TYPE_NAMES.has(value))
    )
      continue;
    // In code, a value that spells its own name is a label or a field name: `{ pass: "Pass" }`, `PASSWORD = "password"`.
    if (!configLike && value.toLowerCase() === (name.split(/[.\-]/).at(-1) ?? "").toLowerCase()) continue;
    // What lies inside a literal already found is redacted with it: not read again.
    if (pushLiteral(name, span.start, span.end)) regex.lastIndex = Math.max(regex.lastIndex, span.end);
  }
  return found;
}

function unquote(raw: string, start: number): { start: number; end: number } {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.endsWith(q) && raw.length >= 2) return { start: start + 1, end: start + raw.length - 1 };
  return { start, end: start + raw.length };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

function readValue(opts: {
  line: string;
  i: number;
  keyStart: number;
  configLike: boolean;
  shellWords: boolean;
  /** The string the key sits in, with the first whitespace inside it before the key (-1: none). */
  outer: { quote: string; at: number; space: number } | undefined;
  /** A `{` or `[` opens before the value: inside a YAML/JSON flow collection. */
  inFlow: boolean;
}): { start: number; end: number } | null {
  const { line, i, outer } = opts;
  // The pair sits inside a string: `- "DB_PASSWORD=hunter2"` (a compose list item) ends at its closing quote;
  // in a sentence (`"why": "… options.ClientSecret = \"secret\""`, `"MYSQL_PASSWORD=password is a placeholder"`)
  // or an assembled string (`"token=" + token`) it is no value.
  if (outer) {
    // Words before the key make a sentence; a connection string's pairs (`User Id=sa;Password=…`) do not.
    if (outer.space >= 0 && !endsWithSeparator(line, outer.at + 1, opts.keyStart)) return null;
    // A value holds no whitespace: the first one ends the look (nothing is a value), the closing quote the value.
    let close = i;
    while (close < line.length && !(line[close] === outer.quote && line[close - 1] !== "\\")) {
      if (isSpace(line[close])) return null;
      close++;
    }
    const raw = line.slice(i, close);
    const inner = /^(\\?["'])(.*)\1$/.exec(raw);
    const value = inner ? (inner[2] ?? "") : raw;
    if (value === "") return null;
    const start = i + (inner ? (inner[1] ?? "").length : 0);
    return { start, end: start + value.length };
  }
  const q = line[i];
  if (q === '"' || q === "'" || q === "`") {
    // An unterminated quote is a multi-line string: redact the rest of the line rather than leak it.
    return { start: i + 1, end: closingQuote(line, i + 1, q) };
  }
  if (!opts.configLike || q === undefined || "{[|>&!*#".includes(q)) return null;
  // The value ends at the first of: whitespace (shell words), a comment (` #`), a comma or closing bracket
  // inside a flow collection, the line's end. One pass up to that point.
  let end = i;
  for (; end < line.length; end++) {
    const c = line[end]!;
    if (isSpace(c) && (opts.shellWords || line[end + 1] === "#")) break;
    if (opts.inFlow && (c === "," || c === "}" || c === "]")) break;
  }
  while (end > i && isSpace(line[end - 1])) end--;
  return end === i ? null : { start: i, end };
}

/** True when the text between `from` and `to` ends with `;` or `&` (then whitespace): a connection string's pair. */
function endsWithSeparator(line: string, from: number, to: number): boolean {
  let j = to;
  while (j > from && isSpace(line[j - 1])) j--;
  return j > from && (line[j - 1] === ";" || line[j - 1] === "&");
}
/**
 * Which string each position lies in (its quote and where it opens; escapes and other quote kinds inside
 * respected), for positions asked in increasing order: one pass over the line however many are asked.
 * `space`: the first whitespace inside that string before the position asked, -1 for none.
 */
function quoteTracker(line: string): { openAt: (i: number) => { quote: string; at: number; space: number } | undefined } {
  let j = 0;
  let open: { quote: string; at: number; space: number } | undefined;
  return {
    openAt(i) {
      for (; j < i; j++) {
        const c = line[j]!;
        if (open) {
          if (c === "\\") {
            if (open.space < 0 && isSpace(line[j + 1])) open.space = j + 1;
            j++;
          } else if (c === open.quote) open = undefined;
          else if (open.space < 0 && isSpace(c)) open.space = j;
        } else if (c === '"' || c === "'" || c === "`") open = { quote: c, at: j, space: -1 };
      }
      // An escape's second character may lie past `i`: the state at `i` is then still inside the string.
      return open && { ...open, space: open.space < i ? open.space : -1 };
    },
  };
}

function closingQuote(line: string, from: number, quote: string): number {
  let j = from;
  while (j < line.length && !(line[j] === quote && line[j - 1] !== "\\")) j++;
  return j;
}
