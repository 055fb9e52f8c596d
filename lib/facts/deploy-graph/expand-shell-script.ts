/** One simple command of a script after expansion, with the line it starts on (1-based). */
export interface ExpandedCommand {
  line: number;
  words: string[];
}

// Loops are unrolled only this far: a build script loops over a handful of services, not thousands.
const MAX_COMMANDS = 2000;

/**
 * The simple commands a shell script runs, as far as can be known without running it: positional parameters
 * (`$1`, `${2}`, `"$@"`) from the arguments it is called with, plain variable assignments (`service="$1"`,
 * `readonly NS=shop`, `export X=…`, `${X:-default}`), and `for x in a b c; do … done` loops unrolled over their
 * word lists. Continuation lines are joined; `&&`, `||`, `;` and `|` separate commands. A word still holding an
 * unknown variable keeps the `$` so callers can tell it is unresolved. Never throws; pure.
 */
export function expandShellScript(opts: { text: string; args?: readonly string[] }): ExpandedCommand[] {
  const vars = new Map<string, string>();
  (opts.args ?? []).forEach((a, i) => vars.set(String(i + 1), a));
  vars.set("@", (opts.args ?? []).join(" "));
  vars.set("*", (opts.args ?? []).join(" "));
  const logical = logicalLines(opts.text);
  const out: ExpandedCommand[] = [];
  run(logical, 0, logical.length, vars, out);
  return out;
}

function run(lines: { line: number; text: string }[], from: number, to: number, vars: Map<string, string>, out: ExpandedCommand[]): void {
  for (let i = from; i < to && out.length < MAX_COMMANDS; i++) {
    const { line, text } = lines[i]!;
    const loop = text.match(/^\s*for\s+([A-Za-z_]\w*)\s+in\s+(.*?)\s*(?:;\s*do\s*(.*))?$/);
    if (loop) {
      const end = loopEnd(lines, i);
      const body = loop[3] ? [{ line, text: loop[3] }, ...lines.slice(i + 1, end)] : lines.slice(i + 1, end);
      const items = words(substitute(loop[2]!.replace(/;\s*$/, ""), vars));
      for (const item of items) {
        vars.set(loop[1]!, item);
        run(body, 0, body.length, vars, out);
      }
      i = end;
      continue;
    }
    for (const command of text.split(/&&|\|\||;|\|/)) {
      const trimmed = command.trim().replace(/^(do|then|else)\s+/, "");
      if (trimmed === "" || /^(do|done|then|fi|else|esac|\{|\})$/.test(trimmed)) continue;
      const assignment = trimmed.match(/^(?:(?:readonly|export|local|declare)\s+)?([A-Za-z_]\w*)=(\S*|"[^"]*"|'[^']*')\s*$/);
      if (assignment) {
        vars.set(assignment[1]!, words(substitute(assignment[2]!, vars)).join(" "));
        continue;
      }
      const expanded = words(substitute(trimmed, vars));
      if (expanded.length > 0) out.push({ line, words: expanded });
    }
  }
}

/** The index of the `done` closing the loop opened at `start` (nested loops counted). */
function loopEnd(lines: { text: string }[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (/^\s*(for|while|until)\b/.test(t)) depth += 1;
    if (/(^|\s|;)done(\s|;|$)/.test(t)) depth -= 1;
    if (depth <= 0) return i;
  }
  return lines.length;
}

/** `$X`, `${X}`, `${X:-default}` / `${X-default}` replaced where known; single-quoted text is left alone. */
function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  return text
    .split(/('[^']*')/)
    .map((part) =>
      part.startsWith("'")
        ? part
        : part.replace(
            /\$\{([A-Za-z_]\w*|\d+|[@*])(?::?-([^}]*))?\}|\$([A-Za-z_]\w*|\d|[@*])/g,
            (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) =>
              vars.get(braced ?? bare ?? "") ?? fallback ?? whole,
          ),
    )
    .join("");
}

/** Splits on blanks outside quotes and drops the quotes. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3] ?? "";
    if (m[3]?.startsWith("#")) break;
    out.push(word.replace(/^["']|["']$/g, ""));
  }
  return out;
}

/** Lines with continuations joined and comments dropped, each with the line it starts on. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const body = /^\s*#/.test(raw) ? "" : raw;
    const continued = /\\\s*$/.test(body);
    const part = body.replace(/\\\s*$/, " ");
    pending = pending ? { line: pending.line, text: `${pending.text} ${part}` } : { line: index + 1, text: part };
    if (!continued) {
      if (pending.text.trim() !== "") out.push(pending);
      pending = null;
    }
  });
  if (pending) out.push(pending);
  return out;
}
