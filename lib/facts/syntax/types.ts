/**
 * What the syntax tree of one source file says, kept small enough to store with every scan: where its comments
 * are, the calls it makes, the string literals it holds (with the call they are an argument of), its imports and
 * its annotations/decorators/attributes. Lines are 1-based, columns 0-based (UTF-16 units of the line).
 */
export interface SyntaxFacts {
  /** The grammar it was parsed with (`go`, `tsx`, `c_sharp`...). */
  grammar: string;
  /** Comment ranges (and Python docstrings): [line, column, endLine, endColumn]. */
  comments: [number, number, number, number][];
  /**
   * Calls and constructions: the callee as written without blanks (`pb.RegisterCartServiceServer`, `new Foo`,
   * `println!`). Where the grammar knows functions (Go, Python): `scope`, the first line of the innermost function
   * the call is in (0 at the top level), and `detached` when it runs apart from the code around it (in a `go`
   * statement), so code after a blocking call in the same scope is known not to run while it blocks.
   */
  calls: { line: number; callee: string; scope?: number; detached?: true }[];
  /** String literals without their quotes (interpolations kept as written), with the innermost call they are an argument of. */
  strings: { line: number; value: string; call: string | null }[];
  /** Imported modules as written (`google.golang.org/grpc`, `org.springframework.boot.SpringApplication`, `./db`). */
  imports: { line: number; module: string }[];
  /** Annotations, decorators and attributes by name (`SpringBootApplication`, `app.get`, `ApiController`, `get`). */
  annotations: { line: number; name: string }[];
  /** The parser found syntax errors: facts are partial (a file in a newer syntax than the grammar knows). */
  partial?: true;
}

/** Parses one source file into its syntax facts; null for a language without a grammar, or a file too big to parse. */
export type ParseSyntax = (file: { path: string; language: string | null; text: string }) => SyntaxFacts | null;
