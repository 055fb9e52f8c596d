import type { ProcfileFacts } from "@/lib/facts/types";

const PROCESS = /^([A-Za-z0-9_-]+):\s*(\S.*?)\s*$/;

/**
 * Parses a Procfile (`web: node server.js`) into its process types with line numbers. Blank and comment
 * lines are ignored; any other line that is not `name: command` is reported in `problems`.
 */
export function parseProcfile(opts: { path: string; lines: readonly string[] }): { procfile: ProcfileFacts; problems: string[] } {
  const processes: ProcfileFacts["processes"] = [];
  const problems: string[] = [];
  opts.lines.forEach((text, i) => {
    if (text.trim() === "" || text.trimStart().startsWith("#")) return;
    const m = PROCESS.exec(text);
    if (m?.[1] && m[2]) processes.push({ name: m[1], command: m[2], line: i + 1 });
    else problems.push(`line ${i + 1}: not a "name: command" process line`);
  });
  return { procfile: { path: opts.path, processes }, problems };
}
