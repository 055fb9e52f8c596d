import type { Language } from "@/lib/facts/types";

/**
 * How each language's tree-sitter grammar names what Dozen reads: knowledge as data. A new language is a row
 * here (and its `.wasm` in tree-sitter-wasms) plus a fixture.
 */
export interface Grammar {
  /** The grammar's name in tree-sitter-wasms (`out/tree-sitter-<name>.wasm`). */
  name: string;
  comments: ReadonlySet<string>;
  /** String literal nodes; their inner parts are not strings of their own. */
  strings: ReadonlySet<string>;
  /** Call and construction nodes. */
  calls: ReadonlySet<string>;
  /** The child that holds a call's arguments: the callee is the text before it. */
  argumentLists: ReadonlySet<string>;
  imports: ReadonlySet<string>;
  annotations: ReadonlySet<string>;
  /** A statement made of one string only is documentation (a Python docstring), blanked like a comment. */
  docstrings?: boolean;
  /** Function and method nodes: a call's scope is the innermost one it is in. */
  functions?: ReadonlySet<string>;
  /** Nodes whose calls run apart from the statements around them (Go's `go` statement). */
  detached?: ReadonlySet<string>;
  /** Statements that may re-export another module (`export { default } from "next-auth/middleware"`): an import too. */
  reexports?: ReadonlySet<string>;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

const JS_LIKE = {
  comments: set("comment", "html_comment"),
  strings: set("string", "template_string"),
  calls: set("call_expression", "new_expression"),
  argumentLists: set("arguments", "template_string"),
  imports: set("import_statement"),
  annotations: set("decorator"),
  reexports: set("export_statement"),
};

export const GRAMMARS: Readonly<Record<string, Grammar>> = {
  go: {
    name: "go",
    comments: set("comment"),
    strings: set("interpreted_string_literal", "raw_string_literal"),
    calls: set("call_expression"),
    argumentLists: set("argument_list"),
    imports: set("import_spec"),
    annotations: set(),
    functions: set("function_declaration", "method_declaration", "func_literal"),
    detached: set("go_statement"),
  },
  java: {
    name: "java",
    comments: set("line_comment", "block_comment"),
    strings: set("string_literal"),
    calls: set("method_invocation", "object_creation_expression"),
    argumentLists: set("argument_list"),
    imports: set("import_declaration"),
    annotations: set("annotation", "marker_annotation"),
  },
  kotlin: {
    name: "kotlin",
    comments: set("line_comment", "multiline_comment", "comment"),
    strings: set("string_literal", "multiline_string_literal"),
    calls: set("call_expression"),
    argumentLists: set("call_suffix"),
    imports: set("import_header"),
    annotations: set("annotation"),
  },
  c_sharp: {
    name: "c_sharp",
    comments: set("comment"),
    strings: set("string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression"),
    calls: set("invocation_expression", "object_creation_expression"),
    argumentLists: set("argument_list"),
    imports: set("using_directive"),
    annotations: set("attribute"),
  },
  python: {
    name: "python",
    comments: set("comment"),
    strings: set("string", "concatenated_string"),
    calls: set("call"),
    argumentLists: set("argument_list", "generator_expression"),
    imports: set("import_statement", "import_from_statement"),
    annotations: set("decorator"),
    docstrings: true,
    functions: set("function_definition", "lambda"),
  },
  javascript: { name: "javascript", ...JS_LIKE },
  typescript: { name: "typescript", ...JS_LIKE },
  tsx: { name: "tsx", ...JS_LIKE },
  ruby: {
    name: "ruby",
    comments: set("comment"),
    strings: set("string", "heredoc_body"),
    calls: set("call"),
    argumentLists: set("argument_list", "do_block", "block"),
    imports: set(),
    annotations: set(),
  },
  php: {
    name: "php",
    comments: set("comment"),
    strings: set("string", "encapsed_string", "heredoc", "nowdoc"),
    calls: set("function_call_expression", "member_call_expression", "scoped_call_expression", "object_creation_expression"),
    argumentLists: set("arguments"),
    imports: set("namespace_use_clause"),
    annotations: set("attribute"),
  },
  rust: {
    name: "rust",
    comments: set("line_comment", "block_comment"),
    strings: set("string_literal", "raw_string_literal"),
    calls: set("call_expression", "macro_invocation"),
    argumentLists: set("arguments", "token_tree"),
    imports: set("use_declaration"),
    annotations: set("attribute_item"),
  },
};

/** The grammar for a source file: by its language, and TSX/JSX by extension. Null for languages not parsed. */
export function grammarFor(file: { path: string; language: string | null }): Grammar | null {
  switch (file.language as Language | null) {
    case "typescript":
      return /\.tsx$/i.test(file.path) ? GRAMMARS.tsx! : GRAMMARS.typescript!;
    case "javascript":
      // tree-sitter-javascript reads JSX as well.
      return GRAMMARS.javascript!;
    case "csharp":
      return GRAMMARS.c_sharp!;
    case "go":
    case "java":
    case "kotlin":
    case "python":
    case "ruby":
    case "php":
    case "rust":
      return GRAMMARS[file.language!]!;
    default:
      return null;
  }
}
