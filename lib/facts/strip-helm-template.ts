const ACTION = /\{\{[\s\S]*?\}\}/g;
const MARK = "\u0000";

/**
 * Makes a Helm template parseable as YAML without rendering it: a line holding only template actions
 * (`{{- if .Values.x }}`, `{{ include ... | nindent 4 }}`) becomes blank, an inline action becomes the
 * placeholder `HELM_VALUE`. Line numbers are preserved (multi-line actions keep their newlines), so
 * evidence still points at the template. Both branches of an if/else survive, which may make the YAML
 * invalid (duplicate keys): the caller then skips the file with reason "helm template".
 */
export function stripHelmTemplate(opts: { lines: readonly string[] }): string[] {
  const text = opts.lines.join("\n").replace(ACTION, (action) => MARK + "\n".repeat(action.split("\n").length - 1));
  return text.split("\n").map((line) => {
    if (!line.includes(MARK)) return line;
    return line.replaceAll(MARK, "").trim() === "" ? "" : line.replaceAll(MARK, "HELM_VALUE");
  });
}
