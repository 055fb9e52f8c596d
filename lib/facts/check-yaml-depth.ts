/** Deeper than this, a YAML text is not parsed: no deploy file nests this far, and the parser's time grows faster than the text. */
export const MAX_YAML_DEPTH = 64;

/**
 * Why a YAML text is not parsed, or null: flow collections (`[`, `{`) nested more than MAX_YAML_DEPTH deep,
 * or a line opening more block sequences (`- - - …`) than that. The `yaml` parser takes seconds on a few
 * hundred kilobytes of `[[[[…` (superlinear in the depth); this look is one linear pass. Quotes are not
 * tracked: brackets inside strings count too, which only a text far from any deploy file reaches.
 */
export function checkYamlDepth(opts: { text: string }): string | null {
  const { text } = opts;
  let depth = 0;
  let dashes = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "{") {
      if (++depth > MAX_YAML_DEPTH) return `nested more than ${MAX_YAML_DEPTH} levels deep: not parsed`;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
    if (c === "\n") {
      lineStart = true;
      dashes = 0;
    } else if (lineStart && c === "-" && (text[i + 1] === " " || text[i + 1] === "\t")) {
      if (++dashes > MAX_YAML_DEPTH) return `nested more than ${MAX_YAML_DEPTH} levels deep: not parsed`;
    } else if (c !== " " && c !== "\t") lineStart = false;
  }
  return null;
}
