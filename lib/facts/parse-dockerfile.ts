import type { DockerfileFacts, DockerInstruction, DockerStage } from "@/lib/facts/types";
import { parseImageRef } from "@/lib/facts/parse-image-ref";

interface LogicalLine {
  keyword: string;
  args: string;
  lineStart: number;
  lineEnd: number;
}

/**
 * Parses a Dockerfile into stages and instructions with their line ranges. Follows Docker's own reading:
 * the `# escape=` directive, continuation lines (comments inside them dropped), heredocs (`RUN <<EOF`),
 * exec form only when the arguments are a valid JSON string array (otherwise Docker runs them as shell).
 * Instructions before the first FROM (global ARGs) get stage -1. Never throws: a line that is not an
 * instruction is reported in `problems` and skipped.
 */
export function parseDockerfile(opts: { path: string; lines: readonly string[] }): {
  dockerfile: DockerfileFacts;
  problems: string[];
} {
  const problems: string[] = [];
  const stages: DockerStage[] = [];
  const instructions: DockerInstruction[] = [];
  const globalArgs = new Map<string, string>();
  for (const l of readLogicalLines(opts.lines, problems)) {
    if (l.keyword === "FROM") stages.push(parseFrom(l, stages.length, globalArgs));
    const stage = stages.length - 1;
    if (l.keyword === "ARG" && stage < 0) {
      const m = /^([A-Za-z_]\w*)=(?:"([^"]*)"|'([^']*)'|(\S*))/.exec(l.args);
      if (m?.[1]) globalArgs.set(m[1], m[2] ?? m[3] ?? m[4] ?? "");
    }
    instructions.push({ ...l, ...formOf(l), stage });
  }
  return { dockerfile: { path: opts.path, stages, instructions }, problems };
}

function readLogicalLines(lines: readonly string[], problems: string[]): LogicalLine[] {
  const escape = /^#\s*escape\s*=\s*`/i.test(lines.find((l) => l.trim() !== "") ?? "") ? "`" : "\\";
  const out: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] ?? "";
    if (first.trim() === "" || first.trimStart().startsWith("#")) continue;
    const m = /^\s*([A-Za-z]+)(?:\s+|$)(.*)$/.exec(first);
    if (!m?.[1]) {
      problems.push(`line ${i + 1}: not a Dockerfile instruction`);
      continue;
    }
    const lineStart = i + 1;
    const parts: string[] = [];
    let text = m[2] ?? "";
    while (text.trimEnd().endsWith(escape) && i + 1 < lines.length) {
      parts.push(text.trimEnd().slice(0, -1).trim());
      i++;
      // Comment lines inside a continuation are removed by Docker before joining.
      while (i < lines.length && (lines[i] ?? "").trimStart().startsWith("#")) i++;
      text = lines[i] ?? "";
    }
    parts.push(text.trim());
    let args = parts.filter((p) => p !== "").join(" ");
    for (const h of args.matchAll(/<<(-?)["']?([A-Za-z_]\w*)["']?/g)) {
      const body: string[] = [];
      while (i + 1 < lines.length) {
        const next = lines[++i] ?? "";
        if ((h[1] ? next.trim() : next) === h[2]) break;
        body.push(next);
      }
      args += `\n${body.join("\n")}\n${h[2]}`;
    }
    out.push({ keyword: m[1].toUpperCase(), args, lineStart, lineEnd: i + 1 });
  }
  return out;
}

function parseFrom(l: LogicalLine, index: number, vars: Map<string, string>): DockerStage {
  const words = l.args.split(/\s+/).filter((w) => !w.startsWith("--"));
  const image = words[0] ?? "";
  const alias = words[1]?.toUpperCase() === "AS" ? (words[2] ?? null) : null;
  return { index, image, ...parseImageRef({ ref: image, vars }), alias, line: l.lineStart };
}

function formOf(l: LogicalLine): Pick<DockerInstruction, "form" | "argv"> {
  // HEALTHCHECK [options] CMD <command>: the form is that of the command after CMD.
  const command = l.keyword === "HEALTHCHECK" ? (/\bCMD\s+(.*)$/s.exec(l.args)?.[1] ?? l.args) : l.args;
  if (command.trimStart().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(command);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === "string")) return { form: "exec", argv: parsed };
    } catch {
      // Not valid JSON: Docker falls back to shell form, and so do we.
    }
  }
  return { form: "shell", argv: [command] };
}
