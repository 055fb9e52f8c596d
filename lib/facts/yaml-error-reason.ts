/**
 * The first line of a YAML parser error, without the source excerpt the library appends: reasons are
 * shown in the UI and stored, and the excerpt would copy file content into them.
 */
export function yamlErrorReason(opts: { message: string }): string {
  return (opts.message.split("\n")[0] ?? "").replace(/:\s*$/, "").trim() || "invalid YAML";
}
