/**
 * The 1-based line of each `"key":` from the line of `"section":` on, in JSON text (the first occurrence
 * of a key wins): JSON.parse loses positions and evidence needs them. One pass over the lines, so a
 * manifest with thousands of keys costs its length, not its length per key. Null when the section is not
 * found; a key absent from the map falls back to the section's line (the caller's choice), never to an
 * invented position.
 */
export function indexKeyLines(opts: {
  lines: readonly string[];
  section: string;
}): { sectionLine: number; keys: Map<string, number> } | null {
  const sectionKey = new RegExp(`"${opts.section.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"\\s*:`);
  const sectionIndex = opts.lines.findIndex((l) => sectionKey.test(l));
  if (sectionIndex < 0) return null;
  const keys = new Map<string, number>();
  const key = /"((?:[^"\\]|\\.)*)"\s*:/g;
  for (let i = sectionIndex; i < opts.lines.length; i++) {
    const line = opts.lines[i] ?? "";
    // On the section's own line only look after the section key (`"dependencies": {"a": "1"}`).
    key.lastIndex = i === sectionIndex ? line.search(sectionKey) + opts.section.length + 2 : 0;
    for (let m = key.exec(line); m; m = key.exec(line)) if (!keys.has(m[1] ?? "")) keys.set(m[1] ?? "", i + 1);
  }
  return { sectionLine: sectionIndex + 1, keys };
}
