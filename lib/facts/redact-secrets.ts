import type { SecretCandidate } from "@/lib/rules/types";
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
  const candidates: SecretCandidate[] = [];
  const yaml = /\.ya?ml$/i.test(opts.path);
  // Right to left, so earlier columns on the same line stay valid while later ones are replaced.
  for (const hit of [...hits].sort((a, b) => b.line - a.line || b.start - a.start)) {
    const text = lines[hit.line - 1] ?? "";
    const value = text.slice(hit.start, hit.end);
    const preview = previewSecret({ value, keepPrefix: hit.keepPrefix });
    if (hit.end > hit.start) lines[hit.line - 1] = text.slice(0, hit.start) + yamlSafe(yaml, text.slice(0, hit.start), preview) + text.slice(hit.end);
    if (hit.report) {
      candidates.push({ path: opts.path, line: hit.line, kind: hit.kind, name: hit.name, preview: hit.end > hit.start ? preview : "****" });
    }
  }
  candidates.sort((a, b) => a.line - b.line);
  return { lines, candidates };
}

/** In YAML a plain scalar starting with `*` is an alias: quote the preview there so the file still parses. */
function yamlSafe(yaml: boolean, before: string, preview: string): string {
  return yaml && preview.startsWith("*") && /(:\s+|^\s*-\s+|[[{,]\s*)$/.test(before) ? `"${preview}"` : preview;
}
