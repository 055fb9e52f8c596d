/** A value as HCL writes it. An expression Dozen does not evaluate (`var.image`, `a ? b : c`) is kept as `${…}` text. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

export interface HclAttribute {
  value: HclValue;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  /** The line of the block's header (1-based). */
  line: number;
  body: HclBody;
}

export interface HclBody {
  attributes: Record<string, HclAttribute>;
  blocks: HclBlock[];
}

const IDENT = /[A-Za-z_][\w-]*/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
// What may follow a literal on its line; anything else (`+`, `?`, `[0]`, `.x`) makes the value an expression.
const AFTER_LITERAL = /[ \t]*(\r?\n|$|,|\]|\}|\)|#|\/\/|\/\*|[A-Za-z_][\w-]*[ \t]*=[^=])/y;
// The next attribute of a one-line block (`resources { cpu = var.cpu memory = 256 }`) ends the expression before it.
const NEXT_ATTRIBUTE = /[A-Za-z_][\w-]*[ \t]*=[^=]/y;
const CLOSE: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * The body of an HCL2 file, in the subset configuration files use (Nomad job specs, Terraform, Packer): blocks
 * with labels, attributes, lists, objects, quoted strings (escapes decoded, `${…}` and `%{…}` kept as written),
 * heredocs (`<<EOF`, `<<-EOF` with its indentation removed), numbers, booleans and null, and `#`, `//` and
 * `/* *\/` comments. Nothing is evaluated: any other expression is kept as `${expression}`, as HCL would read it
 * inside a string. Each block and attribute keeps its line. Pure and total: a file it cannot read is null.
 */
export function parseHcl(opts: { text: string }): HclBody | null {
  const src = opts.text.startsWith("\uFEFF") ? opts.text.slice(1) : opts.text;
  const starts = [0, ...[...src.matchAll(/\n/g)].map((m) => m.index + 1)];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at line ${lineAt(i)}`);
  };
  const lineAt = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const match = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(src)?.[0] ?? null;
  };
  /** Skips blanks and comments; newlines too unless `inline`. */
  const skip = (inline = false) => {
    while (i < src.length) {
      const c = src[i]!;
      if (c === " " || c === "\t" || c === "\r" || (c === "\n" && !inline)) i++;
      else if ((c === "#" || src.startsWith("//", i)) && !inline) i = src.includes("\n", i) ? src.indexOf("\n", i) : src.length;
      else if (src.startsWith("/*", i)) i = src.includes("*/", i + 2) ? src.indexOf("*/", i + 2) + 2 : fail("unclosed comment");
      else return;
    }
  };

  function body(top: boolean): HclBody {
    const out: HclBody = { attributes: {}, blocks: [] };
    for (;;) {
      skip();
      if (i >= src.length) return top ? out : fail("unclosed block");
      if (src[i] === "}") {
        if (top) fail("unexpected }");
        i++;
        return out;
      }
      const line = lineAt(i);
      const name = match(IDENT) ?? fail("expected a name");
      i += name.length;
      skip(true);
      if (src[i] === "=" && src[i + 1] !== "=") {
        i++;
        set(out.attributes, name, { value: value(), line });
        continue;
      }
      const labels: string[] = [];
      for (let label = word(); label !== null; label = word()) {
        labels.push(label);
        skip(true);
      }
      if (src[i] !== "{") fail(`expected { after ${name}`);
      i++;
      out.blocks.push({ type: name, labels, line, body: body(false) });
    }
  }

  function value(): HclValue {
    skip(true);
    const start = i;
    const literal = literalValue();
    if (literal !== undefined && match(AFTER_LITERAL) !== null) return literal;
    i = start;
    return `\${${expression()}}`;
  }

  /** A literal value, or undefined where the value is an expression. */
  function literalValue(): HclValue | undefined {
    const c = src[i];
    if (c === '"') return quoted();
    if (src.startsWith("<<", i)) return heredoc();
    if (c === "[") {
      i++;
      const items: HclValue[] = [];
      for (skip(); src[i] !== "]"; skip()) {
        if (i >= src.length) fail("unclosed list");
        items.push(value());
        skip();
        if (src[i] === ",") i++;
        else if (src[i] !== "]") fail("expected , or ]");
      }
      i++;
      return items;
    }
    if (c === "{") {
      i++;
      const entries: { [key: string]: HclValue } = {};
      for (skip(); src[i] !== "}"; skip()) {
        if (i >= src.length) fail("unclosed object");
        const key = word() ?? fail("expected a key");
        skip(true);
        if (src[i] !== "=" && src[i] !== ":") fail("expected = or :");
        i++;
        set(entries, key, value());
        skip(true);
        if (src[i] === ",") i++;
      }
      i++;
      return entries;
    }
    const number = match(NUMBER);
    if (number !== null) {
      i += number.length;
      return Number(number);
    }
    const keyword = match(IDENT);
    if (keyword === "true" || keyword === "false" || keyword === "null") {
      i += keyword.length;
      return keyword === "null" ? null : keyword === "true";
    }
    return undefined;
  }

  /** A block label or an object key: a quoted string or a bare name; null when there is none. */
  function word(): string | null {
    if (src[i] === '"') return quoted();
    const name = match(IDENT);
    if (name !== null) i += name.length;
    return name;
  }

  /** A quoted string: escapes decoded, interpolations and directives kept as written. */
  function quoted(): string {
    let out = "";
    for (i++; src[i] !== '"';) {
      const c = src[i];
      if (c === undefined || c === "\n") fail("unclosed string");
      if (c === "\\") {
        const e = src[i + 1] ?? "";
        if (e === "u" || e === "U") {
          const hex = src.slice(i + 2, i + (e === "u" ? 6 : 10));
          out += String.fromCodePoint(parseInt(hex, 16) || 0xfffd);
          i += 2 + hex.length;
        } else {
          out += { n: "\n", t: "\t", r: "\r" }[e] ?? e;
          i += 2;
        }
      } else if (src.startsWith("$${", i) || src.startsWith("%%{", i)) {
        // The escapes of a literal `${` and `%{`.
        out += src.slice(i + 1, i + 3);
        i += 3;
      } else if ((c === "$" || c === "%") && src[i + 1] === "{") {
        const from = i;
        i += 2;
        expression("}");
        out += src.slice(from, ++i);
      } else out += src[i++];
    }
    i++;
    return out;
  }

  /** `<<EOF` … `EOF`; `<<-EOF` removes the lines' common indentation. The closing marker may be indented. */
  function heredoc(): string {
    const indent = src[i + 2] === "-";
    i += indent ? 3 : 2;
    const marker = match(IDENT) ?? fail("expected a heredoc marker");
    i += marker.length;
    skip(true);
    if (src[i] !== "\n") fail("expected a newline after the heredoc marker");
    const lines: string[] = [];
    for (i++; ;) {
      if (i >= src.length) fail(`unclosed heredoc ${marker}`);
      const end = src.includes("\n", i) ? src.indexOf("\n", i) : src.length;
      const text = src.slice(i, end).replace(/\r$/, "");
      i = end;
      if (text.trim() === marker) break;
      lines.push(text);
      i++;
    }
    const cut = lines.reduce((n, l) => (!indent ? 0 : l.trim() === "" ? n : Math.min(n, l.match(/^[ \t]*/)![0].length)), Infinity);
    return lines.map((l) => `${l.slice(Number.isFinite(cut) ? cut : 0)}\n`).join("");
  }

  /**
   * The text of an expression, up to where it ends: the end of its line, a `,` or an unopened closing bracket,
   * a comment, or (in a one-line block) the next attribute; with `until`, exactly up to that closing character.
   */
  function expression(until?: string): string {
    const from = i;
    const open: string[] = [];
    while (i < src.length) {
      const c = src[i]!;
      if (open.length === 0 && until !== undefined) {
        if (c === until) break;
        if (c === "\n") fail("unclosed interpolation");
      } else if (open.length === 0 && ("\n,]})#".includes(c) || src.startsWith("//", i))) break;
      else if (open.length === 0 && i > from && /[ \t]/.test(src[i - 1]!) && match(NEXT_ATTRIBUTE) !== null) break;
      if (c === '"') quoted();
      else if (CLOSE[c] !== undefined) {
        open.push(CLOSE[c]!);
        i++;
      } else if (c === ")" || c === "]" || c === "}") {
        if (open.pop() !== c) fail(`unexpected ${c}`);
        i++;
      } else i++;
    }
    if (open.length > 0) fail(`unclosed ${open.at(-1)}`);
    if (until !== undefined && src[i] !== until) fail("unclosed interpolation");
    const text = src.slice(from, i).trim();
    return text === "" ? fail("expected a value") : text;
  }

  try {
    return body(true);
  } catch {
    // A syntax error, or a stack overflow on absurd nesting: the file declares nothing Dozen can read.
    return null;
  }
}

/** Sets a key as an own property, so a file's `__proto__ = …` is a key like any other. */
function set<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
