import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import Parser from "web-tree-sitter";
import { extractSyntax } from "@/lib/facts/syntax/extract-syntax";
import { GRAMMARS, grammarFor } from "@/lib/facts/syntax/grammars";
import type { ParseSyntax } from "@/lib/facts/syntax/types";

// A file this large is generated or bundled: its syntax says nothing about how the service behaves, and its
// tree would grow the WebAssembly heap (which never shrinks) by tens of megabytes.
const MAX_BYTES = 256 * 1024;
// A pathological file must not hold a scan: tree-sitter gives up after this long and the file keeps no syntax facts.
const TIMEOUT_MICROS = 2_000_000;

let runtime: Promise<{ parser: Parser; wasmDir: string }> | null = null;
const languages = new Map<string, Promise<Parser.Language>>();
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * A parser for the source files given (or every language Dozen reads), as WebAssembly: web-tree-sitter and the
 * prebuilt grammars of tree-sitter-wasms, no native build. The runtime and each grammar are loaded once per
 * process and only when a file needs them (each grammar costs several megabytes); the returned function is
 * synchronous and parses only languages loaded by then.
 */
export async function loadSyntaxParser(opts: { files?: readonly { path: string; language: string | null }[] } = {}): Promise<ParseSyntax> {
  runtime ??= init().catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  const { parser, wasmDir } = await runtime;
  const wanted = opts.files
    ? [...new Set(opts.files.map((f) => grammarFor(f)?.name).filter((n): n is string => n !== undefined))]
    : Object.values(GRAMMARS).map((g) => g.name);
  const loaded = new Map<string, Parser.Language>();
  for (const name of wanted) {
    let language = languages.get(name);
    if (!language) {
      // One load at a time: web-tree-sitter links each grammar into one shared module table, and two loads
      // in flight corrupt it ("bad export type for tree_sitter_…_external_scanner_create").
      language = loadQueue.then(() => Parser.Language.load(join(wasmDir, `tree-sitter-${name}.wasm`)));
      loadQueue = language.catch(() => undefined);
      languages.set(name, language);
    }
    // A grammar that cannot load leaves its files read as lines: parsing is an aid, never a reason to fail a service.
    const ready = await language.catch(() => null);
    if (ready) loaded.set(name, ready);
  }
  return (file) => {
    const grammar = grammarFor(file);
    const language = grammar ? loaded.get(grammar.name) : undefined;
    if (!grammar || !language || file.text.length > MAX_BYTES) return null;
    parser.setLanguage(language);
    let tree: Parser.Tree | null = null;
    try {
      tree = parser.parse(file.text);
      // A parse that timed out gives no tree: the file is read as lines, as before.
      if (!tree) return null;
      const cursor = tree.walk();
      try {
        return extractSyntax({ cursor, source: file.text, grammar, partial: tree.rootNode.hasError });
      } finally {
        cursor.delete();
      }
    } catch {
      return null;
    } finally {
      // The tree lives in WebAssembly memory: free it, or a scan of many files grows without bound.
      tree?.delete();
      parser.reset();
    }
  };
}

async function init(): Promise<{ parser: Parser; wasmDir: string }> {
  // Grammars are large WebAssembly modules each used briefly: V8's optimizing tier would spend more time and
  // memory (measured: +100 MB peak on a 24-service scan, slower overall) recompiling them than it saves.
  // Set before the first module is compiled; it only concerns WebAssembly.
  setFlagsFromString("--liftoff-only");
  const require = createRequire(import.meta.url);
  await Parser.init({ locateFile: (name: string) => join(dirname(require.resolve("web-tree-sitter")), name) });
  const parser = new Parser();
  parser.setTimeoutMicros(TIMEOUT_MICROS);
  return { parser, wasmDir: join(dirname(require.resolve("tree-sitter-wasms/package.json")), "out") };
}
