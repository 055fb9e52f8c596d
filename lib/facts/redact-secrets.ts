import type { SecretCandidate } from "@/lib/facts/types";
import { findSecrets } from "@/lib/facts/find-secrets";
import { previewSecret } from "@/lib/facts/preview-secret";

/**
 * Replaces every secret-looking literal in a file's lines by its preview (`AKIA****`, `****`) and reports
 * each as a SecretCandidate. Line count and numbering are preserved, so evidence still points at the
 * right line. Idempotent: a preview ends in `****`, which the detectors treat as a placeholder.
 * Every text that enters facts passes through here before any parser sees it.
 */
export function redactSecrets(opts: { path: string; lines: readonly string[] }): {
  lines: string[];
  candidates: SecretCandidate[];
} {
  const hits = findSecrets(opts);
  const lines = [...opts.lines];
  const yaml = /\.ya?ml$/i.test(opts.path);
  const previews = hits.map((hit) =>
    previewSecret({ value: (lines[hit.line - 1] ?? "").slice(hit.start, hit.end), keepPrefix: hit.keepPrefix }),
  );
  // Hits come sorted by line and column; reported in that order, replaced right to left so earlier
  // columns on the same line stay valid.
  const candidates: SecretCandidate[] = hits.flatMap((hit, i) =>
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
  );
  for (let i = hits.length - 1; i >= 0; i--) {
    const hit = hits[i];
    if (!hit || hit.end <= hit.start) continue;
    const text = lines[hit.line - 1] ?? "";
    lines[hit.line - 1] = text.slice(0, hit.start) + yamlSafe(yaml, text.slice(0, hit.start), previews[i] ?? "****") + text.slice(hit.end);
  }
  return { lines, candidates };
}

/** In YAML a plain scalar starting with `*` is an alias: quote the preview there so the file still parses. */
function yamlSafe(yaml: boolean, before: string, preview: string): string {
  return yaml && preview.startsWith("*") && /(:\s+|^\s*-\s+|[[{,]\s*)$/.test(before) ? `"${preview}"` : preview;
}
