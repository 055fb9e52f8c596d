/**
 * Splits file text into lines the way editors number them: a trailing newline does not create an extra
 * empty line, CRLF and a UTF-8 BOM are tolerated, so `lines[n - 1]` is what a reader sees on line n.
 */
export function splitLines(opts: { text: string }): string[] {
  const text = opts.text.startsWith("\uFEFF") ? opts.text.slice(1) : opts.text;
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
