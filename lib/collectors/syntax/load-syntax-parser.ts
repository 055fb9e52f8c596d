import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Parser from "web-tree-sitter";
import { extractSyntax } from "@/lib/facts/syntax/extract-syntax";
import { GRAMMARS, grammarFor } from "@/lib/facts/syntax/grammars";
import type { ParseSyntax } from "@/lib/facts/syntax/types";

// A file this large is generated or bundled: its syntax says nothing about how the service behaves.
const MAX_BYTES = 512 * 1024;
// A pathological file must not hold a scan: tree-sitter gives up after this long and the file keeps no syntax facts.
const TIMEOUT_MICROS = 2_000_000;

let loading: Promise<ParseSyntax> | null = null;

/**
 * The tree-sitter parsers of every language Dozen reads, as WebAssembly (web-tree-sitter + the prebuilt grammars
 * of tree-sitter-wasms: no native build). Loaded once per process; the returned function is synchronous.
 */
export function loadSyntaxParser(): Promise<ParseSyntax> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<ParseSyntax> {
  const require = createRequire(import.meta.url);
  await Parser.init({ locateFile: (name: string) => join(dirname(require.resolve("web-tree-sitter")), name) });
  const wasmDir = join(dirname(require.resolve("tree-sitter-wasms/package.json")), "out");
  const languages = new Map<string, Parser.Language>();
  for (const grammar of Object.values(GRAMMARS))
    languages.set(grammar.name, await Parser.Language.load(join(wasmDir, `tree-sitter-${grammar.name}.wasm`)));
  const parser = new Parser();
  parser.setTimeoutMicros(TIMEOUT_MICROS);
  return (file) => {
    const grammar = grammarFor(file);
    if (!grammar || file.text.length > MAX_BYTES) return null;
    parser.setLanguage(languages.get(grammar.name)!);
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
