import type { Language } from "@/lib/facts/types";

/** How a file marks comments; decided from its language, or its name for config files. */
export type CommentStyle = "c" | "c-hash" | "hash-spaced" | "python" | "ruby" | "xml" | "none";

const C_LIKE = new Set<Language>(["javascript", "typescript", "go", "java", "kotlin", "csharp", "rust"]);

/** Picks the comment syntax of a file; config files by name (`#` in YAML only counts after a space). */
export function commentStyleFor(file: { path: string; language: Language | null }): CommentStyle {
  const { language, path } = file;
  if (language && C_LIKE.has(language)) return "c";
  if (language === "php") return "c-hash";
  if (language === "python") return "python";
  if (language === "ruby") return "ruby";
  if (language === "shell") return "hash-spaced";
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (/\.(xml|config|csproj|props|targets|html)$/.test(name)) return "xml";
  if (/\.(ya?ml|toml|ini|cfg|conf|properties|env)$|^\.env|dockerfile|^procfile$|\.sh$/.test(name)) return "hash-spaced";
  return "none";
}

/**
 * Blanks comments (and Python docstrings) with spaces so commented-out code never matches a rule, while
 * line numbers and columns stay those of the original file. String contents are kept, because connection
 * strings and ports live in strings; `//` inside "http://..." is therefore not a comment.
 */
export function stripComments(lines: readonly string[], style: CommentStyle): string[] {
  if (style === "none") return [...lines];
  if (style === "xml") return blankDelimited(lines, "<!--", "-->");
  const out: string[] = [];
  let block: string | null = null; // closing delimiter of an open multi-line comment or string
  let blankBlock = false; // whether the open block is blanked (comment, docstring) or kept (string)
  for (const line of lines) {
    const chars = line.split(""); // UTF-16 units, so indices agree with indexOf
    let i = 0;
    if (style === "ruby" && /^=begin\b/.test(line)) {
      block = "=end";
      blankBlock = true;
    }
    if (block === "=end") {
      if (/^=end\b/.test(line)) block = null;
      out.push(" ".repeat(line.length));
      continue;
    }
    if (!block && !mayOpenComment(style, line)) {
      out.push(line); // most lines: no comment starter, nothing to blank, no multi-line string opened
      continue;
    }
    let quote: string | null = null; // open single-line string quote
    while (i < chars.length) {
      if (block) {
        const end = line.indexOf(block, i);
        const stop = end === -1 ? chars.length : end + block.length;
        if (blankBlock) for (let k = i; k < stop; k++) chars[k] = " ";
        if (end !== -1) block = null;
        i = stop;
        continue;
      }
      const c = chars[i] ?? "";
      if (quote) {
        if (c === "\\" && quote !== "`") i += 2;
        else {
          if (c === quote) quote = null;
          i += 1;
        }
        continue;
      }
      if (style === "python" && (line.startsWith('"""', i) || line.startsWith("'''", i))) {
        block = line.slice(i, i + 3);
        // A triple-quoted string that starts a statement is a docstring (often commented-out code).
        blankBlock = /^\s*[rRbBuUfF]{0,2}$/.test(line.slice(0, i));
        if (blankBlock) {
          chars[i] = chars[i + 1] = chars[i + 2] = " ";
        }
        i += 3;
        continue;
      }
      if (isLineComment(style, line, i)) {
        for (let k = i; k < chars.length; k++) chars[k] = " ";
        break;
      }
      if ((style === "c" || style === "c-hash") && line.startsWith("/*", i)) {
        block = "*/";
        blankBlock = true;
        chars[i] = chars[i + 1] = " ";
        i += 2;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === "`" && (style === "c" || style === "c-hash")) {
        block = "`";
        blankBlock = false;
      }
      i += 1;
    }
    out.push(chars.join(""));
  }
  return out;
}

/** Cheap pre-check: can anything on this line start a comment, a docstring or a multi-line string? */
function mayOpenComment(style: CommentStyle, line: string): boolean {
  if (style === "c") return line.includes("/") || line.includes("`");
  if (style === "c-hash") return line.includes("/") || line.includes("#") || line.includes("`");
  if (style === "python") return line.includes("#") || line.includes('"""') || line.includes("'''");
  if (style === "ruby") return line.includes("#");
  return line.includes("#");
}

function isLineComment(style: CommentStyle, line: string, i: number): boolean {
  if (style === "c") return line.startsWith("//", i);
  if (style === "c-hash") return line.startsWith("//", i) || line.startsWith("#", i);
  if (!line.startsWith("#", i)) return false;
  // In YAML, shell and .properties, `#` only starts a comment at a word boundary (`$#`, `a#b` are not).
  return style !== "hash-spaced" || i === 0 || /\s/.test(line[i - 1] ?? "");
}

function blankDelimited(lines: readonly string[], open: string, close: string): string[] {
  let inside = false;
  return lines.map((line) => {
    let out = "";
    let i = 0;
    while (i < line.length) {
      const next = line.indexOf(inside ? close : open, i);
      if (next === -1) {
        out += inside ? " ".repeat(line.length - i) : line.slice(i);
        break;
      }
      const stop = inside ? next + close.length : next;
      out += inside ? " ".repeat(stop - i) : line.slice(i, stop);
      i = stop;
      inside = !inside;
    }
    return out;
  });
}
