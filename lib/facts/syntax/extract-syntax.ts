import type { Grammar } from "@/lib/facts/syntax/grammars";
import type { SyntaxFacts } from "@/lib/facts/syntax/types";

/** The part of a tree-sitter cursor the extractor moves with (web-tree-sitter's `TreeCursor` has it). */
export interface SyntaxCursorLike {
  nodeType: string;
  nodeIsNamed: boolean;
  startIndex: number;
  endIndex: number;
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

// Bounds per file, so a generated or minified file cannot make the facts of a scan grow without limit.
const MAX_ITEMS = 5000;
const MAX_TEXT = 300;

/**
 * The facts of one file's syntax tree, read with its grammar's node names (lib/facts/syntax/grammars.ts):
 * comment ranges, calls with their callee, string literals with the call they are an argument of, imports and
 * annotations. Walks the tree once with a cursor (no recursion, no node objects); texts are sliced from
 * `source`, the text that was parsed. Pure.
 */
export function extractSyntax(opts: { cursor: SyntaxCursorLike; source: string; grammar: Grammar; partial?: boolean }): SyntaxFacts {
  const { cursor, source, grammar } = opts;
  const facts: SyntaxFacts = { grammar: grammar.name, comments: [], calls: [], strings: [], imports: [], annotations: [] };
  if (opts.partial) facts.partial = true;
  // The calls (and the string) the cursor is inside, by depth.
  const calls: { depth: number; callee: string }[] = [];
  // The functions and detached statements (`go f()`) the cursor is inside, by depth.
  const scopes: { depth: number; line: number }[] = [];
  let detachedDepth = -1;
  let stringDepth = -1;
  let depth = 0;
  for (;;) {
    while (calls.length > 0 && calls.at(-1)!.depth >= depth) calls.pop();
    while (scopes.length > 0 && scopes.at(-1)!.depth >= depth) scopes.pop();
    if (detachedDepth >= depth) detachedDepth = -1;
    if (stringDepth >= depth) stringDepth = -1;
    const descend = visit();
    if (descend && cursor.gotoFirstChild()) {
      depth += 1;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return sorted(facts);
      depth -= 1;
    }
  }

  /** Records the node under the cursor; false when its children say nothing more. */
  function visit(): boolean {
    const type = cursor.nodeType;
    // Positions cost a call into WebAssembly: read only for what is recorded.
    const lineOf = () => cursor.startPosition.row + 1;
    if (grammar.comments.has(type) || (grammar.docstrings && type === "expression_statement" && isDocstring())) {
      const start = cursor.startPosition;
      const end = cursor.endPosition;
      facts.comments.push([start.row + 1, start.column, end.row + 1, end.column]);
      return false;
    }
    if (grammar.strings.has(type)) {
      // A string inside a string (Python's concatenated strings, an interpolation's literal) is part of the outer one.
      if (stringDepth < 0 && facts.strings.length < MAX_ITEMS)
        facts.strings.push({ line: lineOf(), value: stringValue(), call: calls.at(-1)?.callee ?? null });
      if (stringDepth < 0) stringDepth = depth;
      // Interpolations may call things (`f"{db.connect('x')}"`).
      return true;
    }
    if (grammar.functions?.has(type)) scopes.push({ depth, line: lineOf() });
    if (grammar.detached?.has(type) && detachedDepth < 0) detachedDepth = depth;
    if (grammar.calls.has(type)) {
      const callee = calleeAtCursor();
      if (callee) {
        calls.push({ depth, callee });
        const line = lineOf();
        if (facts.calls.length < MAX_ITEMS) facts.calls.push({ line, callee, ...placeOfCall() });
        if (/^(require|import)$/.test(callee)) {
          const spec = quoted(text());
          if (spec !== null) facts.imports.push({ line, module: spec });
        }
      }
      return true;
    }
    if (grammar.imports.has(type)) {
      const written = text();
      const quotedModule = quoted(written);
      const line = lineOf();
      for (const spec of quotedModule !== null ? [quotedModule] : importModules(written))
        if (facts.imports.length < MAX_ITEMS) facts.imports.push({ line, module: clip(spec) });
      return false;
    }
    if (grammar.reexports?.has(type)) {
      const reexported = REEXPORT.exec(text())?.[1];
      if (reexported && facts.imports.length < MAX_ITEMS) facts.imports.push({ line: lineOf(), module: clip(reexported) });
      return true;
    }
    if (grammar.annotations.has(type)) {
      const name = annotationName(text());
      if (name) {
        if (facts.annotations.length < MAX_ITEMS) facts.annotations.push({ line: lineOf(), name });
        // Strings in an annotation's arguments belong to it (`@GetMapping("/v1/orders")`).
        calls.push({ depth, callee: `@${name}` });
      }
      return true;
    }
    return true;
  }

  /** Where a call runs, for grammars that know functions: its scope, and whether a `go` statement detaches it. */
  function placeOfCall(): { scope?: number; detached?: true } {
    if (!grammar.functions) return {};
    const scope = scopes.at(-1)?.line ?? 0;
    return detachedDepth >= 0 ? { scope, detached: true } : { scope };
  }

  /** The literal without its quotes; a very long one is cut (its closing quote is then not there to strip). */
  function stringValue(): string {
    if (cursor.endIndex - cursor.startIndex <= 4 * MAX_TEXT) return clip(unquote(text()));
    return clip(text().replace(/^[a-zA-Z@$]*#*("""|'''|"|'|`)/, ""));
  }

  function text(): string {
    const end = Math.min(cursor.endIndex, cursor.startIndex + 4 * MAX_TEXT);
    return source.slice(cursor.startIndex, end);
  }

  /** The call's text before its argument list, blanks removed (`fmt.Println`, `new Foo`); the cursor ends where it began. */
  function calleeAtCursor(): string | null {
    const start = cursor.startIndex;
    let argsAt = -1;
    if (cursor.gotoFirstChild()) {
      do {
        if (grammar.argumentLists.has(cursor.nodeType)) {
          argsAt = cursor.startIndex;
          break;
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (argsAt < 0) return null;
    const written = source
      .slice(Math.max(start, argsAt - 400), argsAt)
      .replace(/\s+/g, " ")
      .trim();
    const callee = written.replace(/\s*([.:(<>)-])\s*/g, "$1").replace(/\?\./g, ".");
    return callee === "" ? null : callee.length > 120 ? callee.slice(-120) : callee;
  }

  /** A statement that is one string and nothing else (a Python docstring); the cursor ends where it began. */
  function isDocstring(): boolean {
    if (!cursor.gotoFirstChild()) return false;
    let named = 0;
    let onlyString = true;
    do {
      if (!cursor.nodeIsNamed) continue;
      named += 1;
      if (!grammar.strings.has(cursor.nodeType)) onlyString = false;
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    return named === 1 && onlyString;
  }
}

// `export * from "m"`, `export * as ns from "m"`, `export { a, default } from "m"`, `export type { T } from "m"`.
const REEXPORT = /^export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["'`]([^"'`\n]+)["'`]/;

function sorted(facts: SyntaxFacts): SyntaxFacts {
  // The walk is in source order already; only strings and calls of nested constructs can interleave.
  facts.calls.sort((a, b) => a.line - b.line);
  facts.strings.sort((a, b) => a.line - b.line);
  return facts;
}

/** The first quoted text in a construct (`import x from "y"`, `require('z')`, `import "fmt"`). */
function quoted(text: string): string | null {
  return text.match(/["'`]([^"'`\n]+)["'`]/)?.[1] ?? null;
}

/**
 * The modules an import statement names: `import a.b.C;` → a.b.C, `import os, sys as s` → os, sys,
 * `from a import b` → a, `using Alias = X.Y;` → X.Y, `use crate::{a, b};` → crate::{a, b} (braces kept whole).
 */
function importModules(text: string): string[] {
  const body = text
    .replace(/^\s*(import|using|use|from|package)\s+(static\s+|global\s+)?/, "")
    .replace(/\s+import\s+[\s\S]*$/, "")
    .replace(/[;\s]+$/, "")
    .replace(/^[\w.]+\s*=\s*/, "");
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "{") depth += 1;
    if (ch === "}") depth -= 1;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/\s+as\s+\w+$/, "").trim()).filter(Boolean);
}

/** `@RestController`, `@app.get("/x")`, `[HttpGet("x")]`, `#[get("/")]`, `#[Route('/api')]` → the name. */
function annotationName(text: string): string | null {
  return text.match(/^[@#[\s]*\[?\s*([\w.:]+)/)?.[1] ?? null;
}

/** A literal's text without its quotes or prefix (`f"…"`, `r#"…"#`, `@"…"`, `$"…"`, `"""…"""`). */
function unquote(text: string): string {
  const m = text.match(/^([a-zA-Z@$]*)(#*)("""|'''|"|'|`)([\s\S]*?)\3\2$/);
  return m ? m[4]! : text;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
