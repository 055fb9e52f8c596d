/**
 * The 1-based line of `"key":` after the line of `"section":` in JSON text: JSON.parse loses positions and
 * evidence needs them. Falls back to the section's line, then to 1, rather than inventing a position.
 */
export function findKeyLine(opts: { lines: readonly string[]; section: string; key: string }): number {
  const quoted = (s: string) => new RegExp(`"${s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"\\s*:`);
  const sectionIndex = opts.lines.findIndex((l) => quoted(opts.section).test(l));
  if (sectionIndex < 0) return 1;
  const keyRe = quoted(opts.key);
  for (let i = sectionIndex; i < opts.lines.length; i++) {
    const line = opts.lines[i] ?? "";
    // On the section's own line only look after the section key (`"dependencies": {"a": "1"}`).
    const text = i === sectionIndex ? line.slice(line.search(quoted(opts.section)) + opts.section.length + 2) : line;
    if (keyRe.test(text)) return i + 1;
  }
  return sectionIndex + 1;
}
