/**
 * The label-selector grammar the API server accepts in `?labelSelector=`: `k=v`, `k==v`, `k!=v`, `k`, `!k`,
 * `k in (a,b)`, `k notin (a,b)`, comma-joined (all must hold).
 */
export function matchLabelSelector(opts: { selector: string; labels: Record<string, string> | undefined }): boolean {
  const labels = opts.labels ?? {};
  return splitTerms(opts.selector).every((term) => matchTerm(term, labels));
}

function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of selector) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === "," && depth === 0) {
      terms.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) terms.push(current.trim());
  return terms.filter(Boolean);
}

function matchTerm(term: string, labels: Record<string, string>): boolean {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (set) {
    const values = (set[3] ?? "").split(",").map((v) => v.trim());
    const has = set[1]! in labels && values.includes(labels[set[1]!]!);
    return set[2] === "in" ? has : !has;
  }
  const neq = /^([^!=\s]+)\s*!=\s*(.*)$/.exec(term);
  if (neq) return labels[neq[1]!] !== neq[2]!.trim();
  const eq = /^([^!=\s]+)\s*==?\s*(.*)$/.exec(term);
  if (eq) return labels[eq[1]!] === eq[2]!.trim();
  if (term.startsWith("!")) return !(term.slice(1) in labels);
  return term in labels;
}
