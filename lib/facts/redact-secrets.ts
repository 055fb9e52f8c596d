import type { SecretCandidate } from "@/lib/facts/types";
import { scanSecrets } from "@/lib/facts/find-secrets";
import { previewSecret } from "@/lib/facts/preview-secret";

/**
 * Replaces every secret-looking literal in a file's lines by its preview (`AKIA****`, `****`) and reports
 * each as a SecretCandidate. Line count and numbering are preserved, so evidence still points at the
 * right line. Idempotent: a preview ends in `****`, which the detectors treat as a placeholder.
 * Every text that enters facts passes through here before any parser sees it.
 */
export function redactSecrets(opts: { path: string; lines: readonly string[]; maxCandidates?: number }): {
  lines: string[];
  candidates: SecretCandidate[];
  /**
   * Set when the file held more than `maxCandidates` candidates: the scan stopped there, and this line and
   * every one after it are withheld (empty), since what was not scanned cannot be known to hold no secret.
   */
  withheldFrom?: number;
} {
  const { hits, stoppedAtLine: stop } = scanSecrets(opts);
  const lines = [...opts.lines];
  const yaml = /\.ya?ml$/i.test(opts.path);
  const previews = hits.map((hit) =>
    previewSecret({ value: (lines[hit.line - 1] ?? "").slice(hit.start, hit.end), keepPrefix: hit.keepPrefix }),
  );
  // Hits come sorted by line and column; reported in that order, replaced right to left so earlier
  // columns on the same line stay valid.
  const candidates: SecretCandidate[] = hits
    .flatMap((hit, i) =>
      hit.report
        ? [
            {
              path: opts.path,
              line: hit.line,
              kind: hit.kind,
              name: hit.name,
              preview: hit.end > hit.start ? (previews[i] ?? "****") : "****",
            },
          ]
        : [],
    )
    .slice(0, opts.maxCandidates ?? Infinity);
  // Lines from the one the scan stopped on are withheld whole: their hits need no rebuilding.
  const firstWithheld = stop === null ? -1 : hits.findIndex((h) => h.line >= stop);
  const rebuilt = firstWithheld < 0 ? hits.length : firstWithheld;
  // Each line is rebuilt once from its pieces (hits come sorted by line and column), so a line with many
  // secrets costs its length, not its length per secret.
  for (let i = 0; i < rebuilt;) {
    const line = hits[i]!.line;
    const text = lines[line - 1] ?? "";
    const indent = text.length - text.trimStart().length;
    const parts: string[] = [];
    let at = 0;
    for (; i < rebuilt && hits[i]!.line === line; i++) {
      const hit = hits[i]!;
      if (hit.end <= hit.start) continue;
      parts.push(text.slice(at, hit.start), yamlSafe(yaml, text, hit.start, indent, previews[i] ?? "****"));
      at = hit.end;
    }
    if (at > 0) lines[line - 1] = parts.join("") + text.slice(at);
  }
  if (stop === null) return { lines, candidates };
  lines.fill("", stop - 1);
  return { lines, candidates, withheldFrom: stop };
}

/** In YAML a plain scalar starting with `*` is an alias: quote the preview there so the file still parses. */
function yamlSafe(yaml: boolean, text: string, start: number, indent: number, preview: string): string {
  if (!yaml || !preview.startsWith("*")) return preview;
  // What precedes the value: `key: `, a list item's `- ` at the line's start, or a flow collection's `[`, `{`, `,`.
  let j = start;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  const spaced = j < start;
  const c = text[j - 1];
  const quote = (c === ":" && spaced) || (c === "-" && spaced && j - 1 === indent) || c === "[" || c === "{" || c === ",";
  return quote ? `"${preview}"` : preview;
}
