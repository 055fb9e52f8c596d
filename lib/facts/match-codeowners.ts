/**
 * Owners of a service directory according to a CODEOWNERS file, with GitHub's semantics simplified to
 * what matters for a directory: the owners are those of a file directly inside `dir` (so `/services/a/`,
 * `services/`, `*` and `/services/a/**` match, `*.js` does not); the last matching line wins; a pattern
 * with no owners clears them. `dir` is relative to the CODEOWNERS file's repository root, "." for the root.
 */
export function matchCodeowners(opts: { text: string; dir: string }): string[] {
  return matchCodeownersLine(opts).owners;
}

/** matchCodeowners with the 1-based line that decided (null when no line matched). */
export function matchCodeownersLine(opts: { text: string; dir: string }): { owners: string[]; line: number | null } {
  const probe = opts.dir === "." || opts.dir === "" ? "\u0000" : `${opts.dir}/\u0000`;
  let owners: string[] = [];
  let at: number | null = null;
  for (const [i, raw] of opts.text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [pattern = "", ...rest] = line.split(/\s+/);
    const hash = rest.findIndex((t) => t.startsWith("#"));
    if (toRegex(pattern).test(probe)) {
      owners = hash >= 0 ? rest.slice(0, hash) : rest;
      at = i + 1;
    }
  }
  return { owners, line: owners.length ? at : null };
}

function toRegex(pattern: string): RegExp {
  let p = pattern;
  // gitignore rule: a slash at the start or in the middle anchors the pattern to the root.
  const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
  p = p.replace(/^\//, "");
  let suffix = "(/.+)?";
  if (p.endsWith("/**")) {
    p = p.slice(0, -3);
    suffix = "/.+";
  } else if (p.endsWith("/*")) {
    // GitHub: `docs/*` owns files directly in docs/, not in its subdirectories.
    suffix = "";
  } else if (p.endsWith("/")) {
    p = p.slice(0, -1);
    suffix = "/.+";
  }
  const body = p
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === "**/") return "(?:.*/)?";
      if (part === "**") return ".*";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}${suffix}$`);
}
