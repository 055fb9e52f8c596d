/** One `key = value` of a TOML file, or one element of an array value, with the table it sits in. */
export interface TomlEntry {
  /** Table header without brackets or quotes: `tool.poetry.dependencies`, `target.cfg(unix).dependencies`. */
  table: string;
  key: string;
  /** Raw value text (comment stripped); for array elements, the element's text. */
  value: string;
  line: number;
  arrayItem: boolean;
}

/**
 * A deliberately small TOML reader for dependency tables: headers, `key = value` (inline tables kept as raw
 * text), and arrays (also multi-line) split into elements with their own lines. Enough for Cargo.toml,
 * pyproject.toml and Pipfile without a TOML dependency; not a validating parser.
 */
export function readTomlEntries(opts: { lines: readonly string[] }): TomlEntry[] {
  const entries: TomlEntry[] = [];
  let table = "";
  let openArray: { key: string } | null = null;
  opts.lines.forEach((raw, i) => {
    const line = i + 1;
    const text = stripComment(raw).trim();
    if (text === "") return;
    if (openArray) {
      const closed = text.startsWith("]");
      for (const item of splitItems(text.replace(/^\]|\]\s*,?\s*$/, "")))
        entries.push({ table, key: openArray.key, value: item, line, arrayItem: true });
      if (closed || /\]\s*,?\s*$/.test(text)) openArray = null;
      return;
    }
    const header = tableHeader(text);
    if (header) {
      table = header.replace(/["']/g, "").replace(/\s*\.\s*/g, ".");
      return;
    }
    const kv = /^("[^"]+"|'[^']+'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(text);
    if (!kv?.[1]) return;
    const key = kv[1].replace(/^["']|["']$/g, "");
    const value = kv[2] ?? "";
    if (value.startsWith("[")) {
      const inner = value.slice(1);
      const closes = /\]\s*$/.test(inner);
      for (const item of splitItems(closes ? inner.replace(/\]\s*$/, "") : inner))
        entries.push({ table, key, value: item, line, arrayItem: true });
      if (!closes) openArray = { key };
      return;
    }
    entries.push({ table, key, value, line, arrayItem: false });
  });
  return entries;
}

/** `[a.b]` or `[[a.b]]` → `a.b` (trimmed), else null. Sliced, not matched lazily: a long header stays linear. */
function tableHeader(text: string): string | null {
  if (!text.startsWith("[") || !text.endsWith("]") || text.length < 3) return null;
  let inner = text.slice(text.startsWith("[[") ? 2 : 1, -1);
  if (inner.endsWith("]")) inner = inner.slice(0, -1);
  inner = inner.trim();
  return inner === "" ? null : inner;
}

/** Removes a `#` comment that is not inside a string. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote && line[i - 1] !== "\\") quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") return line.slice(0, i);
  }
  return line;
}

/** Splits `"a>=1", "b[x]<2"` into its quoted elements (commas inside quotes kept). */
function splitItems(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? "");
}

/** The string inside `"..."`, or the `version = "..."` of an inline table; null otherwise. */
export function tomlVersion(value: string): string | null {
  const quoted = /^["']([^"']*)["']$/.exec(value.trim());
  if (quoted) return quoted[1] ?? null;
  const inline = /\bversion\s*=\s*["']([^"']*)["']/.exec(value);
  return inline?.[1] ?? null;
}
