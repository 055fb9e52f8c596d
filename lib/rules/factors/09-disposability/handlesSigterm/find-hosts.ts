import { codeLines, sourceFiles } from "@/lib/rules/helpers/code-lines";
import type { LineMatch } from "@/lib/rules/helpers/find-line-matches";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";
import { type Host, HOSTS, PY_THREAD_START } from "./patterns";

/** Where a framework host starts serving, and the line that runs it in another thread, if one does. */
export interface HostStart {
  host: Host;
  start: LineMatch;
  /** Python only: the line handing the server (or the function that starts it) to a worker thread. */
  offMainThread: LineMatch | null;
}

/** The framework hosts the service starts (HOSTS), each with the thread it is started in. */
export function findHostStarts(opts: { facts: ServiceFacts; hosts?: readonly Host[] }): HostStart[] {
  const files = sourceFiles(opts.facts);
  const found: HostStart[] = [];
  for (const host of opts.hosts ?? HOSTS) {
    for (const file of files.filter((f) => f.language === host.language)) {
      const lines = codeLines(file);
      if (!lines.some((l) => host.uses.test(l))) continue;
      lines.forEach((code, i) => {
        const match = host.start.exec(code);
        if (!match) return;
        const start = { file, line: i + 1, code, match };
        found.push({ host, start, offMainThread: host.language === "python" ? pythonThreadStart(files, start) : null });
      });
    }
  }
  return found;
}

/**
 * The line that runs a Python server start in a worker thread: the start itself inside `Thread(...)`, or a
 * thread given the function the start is in (`asyncio.to_thread(shop.run)` where `def run` starts the server).
 */
function pythonThreadStart(files: TextFile[], start: LineMatch): LineMatch | null {
  const fn = enclosingFunction(codeLines(start.file), start.line - 1);
  const names = fn ? new RegExp(`(^|[^\\w])${escapeRegExp(fn)}\\b`) : null;
  for (const file of files.filter((f) => f.language === "python")) {
    const lines = codeLines(file);
    for (let i = 0; i < lines.length; i++) {
      const code = lines[i] ?? "";
      const match = PY_THREAD_START.exec(code);
      if (!match) continue;
      const same = file === start.file && i === start.line - 1;
      if (same || names?.test(match.groups?.args ?? "")) return { file, line: i + 1, code, match };
    }
  }
  return null;
}

/** The name of the `def` a line belongs to (the nearest one above, indented less), or null at module level. */
function enclosingFunction(lines: string[], index: number): string | null {
  let indent = indentOf(lines[index] ?? "");
  for (let i = index - 1; i >= 0 && indent > 0; i--) {
    const code = lines[i] ?? "";
    if (code.trim() === "") continue;
    const own = indentOf(code);
    if (own >= indent) continue;
    const def = /^\s*(async\s+)?def\s+(\w+)/.exec(code);
    if (def) return def[2] ?? null;
    indent = own;
  }
  return null;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}
