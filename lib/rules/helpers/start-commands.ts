import { scriptNames, startInstructions } from "@/lib/rules/helpers/dockerfile";
import { baseName, codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { lineEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { containers, longRunningWorkloads, manifestEvidence } from "@/lib/rules/helpers/manifests";
import { perFacts } from "@/lib/rules/helpers/per-facts";
import type { RepoEvidence } from "@/lib/rules/types";

/** One command a long-running process of the service starts with, and where it is written. */
export interface StartCommand {
  command: string;
  from: "dockerfile" | "procfile" | "manifest" | "script";
  evidence: RepoEvidence;
}

// Procfile process types that are one-off by definition (Heroku runs `release` once per deploy).
const ONE_OFF_PROCESSES = new Set(["release", "build", "migrate", "postdeploy"]);

/**
 * Everything that runs when the service's long-lived processes start: Dockerfile CMD/ENTRYPOINT, Procfile
 * web/worker lines, Kubernetes container command/args, and each line of the shell scripts those name.
 */
export const startCommands = perFacts((facts): StartCommand[] => {
  const found: StartCommand[] = [];
  const scripts = new Set<string>();
  for (const df of facts.dockerfiles) {
    const start = startInstructions(df);
    for (const ins of start) {
      const evidence = pathEvidence({ facts, path: df.path, line: ins.lineStart, snippet: `${ins.keyword} ${ins.args}` });
      found.push({ command: ins.argv.join(" "), from: "dockerfile", evidence: { ...evidence, lineEnd: ins.lineEnd } });
    }
    for (const name of scriptNames(start.map((i) => i.argv.join(" ")))) scripts.add(name);
  }
  for (const procfile of facts.procfiles) {
    for (const p of procfile.processes) {
      if (ONE_OFF_PROCESSES.has(p.name)) continue;
      found.push({
        command: p.command,
        from: "procfile",
        evidence: pathEvidence({ facts, path: procfile.path, line: p.line, snippet: `${p.name}: ${p.command}` }),
      });
      for (const name of scriptNames([p.command])) scripts.add(name);
    }
  }
  for (const m of longRunningWorkloads(facts)) {
    for (const c of containers(m)) {
      const argv = [c.command, c.args].flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
      if (argv.length === 0) continue;
      found.push({ command: argv.join(" "), from: "manifest", evidence: manifestEvidence(facts, m, /^\s*(command|args):/) });
      for (const name of scriptNames(argv)) scripts.add(name);
    }
  }
  for (const file of productionFiles(facts)) {
    if (!scripts.has(baseName(file.path))) continue;
    codeLines(file).forEach((code, i) => {
      if (code.trim() !== "" && !code.startsWith("#!")) {
        found.push({ command: code.trim(), from: "script", evidence: lineEvidence({ file, lineStart: i + 1 }) });
      }
    });
  }
  return found;
});
