import { startInstructions } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, notAvailable, pass, plural } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DockerInstruction, ServiceFacts } from "@/lib/facts/types";

// An init that forwards signals makes a shell-form CMD after it harmless.
const INIT = /(^|\/)(tini|dumb-init|catatonit)$/;
const SHELL = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)$/;

export const rule: RepositoryCheck = {
  id: "execFormEntrypoint",
  version: 2,
  factor: "disposability",
  title: "The container's main process receives stop signals (exec form, no wrapping shell)",
  rationale:
    "In shell form (`CMD node server.js`) PID 1 is `/bin/sh`, which does not forward SIGTERM: the app never hears " +
    "the stop request, is killed after the grace period and drops in-flight work. Exec form runs the app as PID 1.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  evaluate(facts) {
    if (facts.dockerfiles.length === 0) return notApplicable("No Dockerfile.");
    const starts = facts.dockerfiles.map((df) => ({ df, start: startInstructions(df) }));
    if (starts.every((s) => s.start.length === 0)) {
      return notAvailable("No CMD or ENTRYPOINT: the start command comes from the base image.");
    }
    const evidence: RepoEvidence[] = [...shellScriptsWithoutExec(facts)];
    for (const { df, start } of starts) {
      const entrypoint = start.find((i) => i.keyword === "ENTRYPOINT");
      if (entrypoint && entrypoint.form === "exec" && INIT.test(entrypoint.argv[0] ?? "")) continue;
      for (const ins of start.filter(wrapsInShell)) {
        evidence.push({
          ...pathEvidence({ facts, path: df.path, line: ins.lineStart, snippet: `${ins.keyword} ${ins.args}` }),
          lineEnd: ins.lineEnd,
        });
      }
    }
    if (evidence.length > 0)
      return fail(`The app runs under a shell that swallows SIGTERM (${plural(evidence.length, "start command")}).`, evidence);
    return pass("The app runs as PID 1 in exec form.");
  },
};

/**
 * Shell form, or exec form that just starts a shell (`["sh", "-c", "node server.js"]`), unless the shell hands
 * PID 1 over: its last command is `exec …` (`sh -c "envsubst < t > c && exec nginx -g 'daemon off;'"`).
 */
function wrapsInShell(ins: DockerInstruction): boolean {
  if (ins.form === "shell") return !execsLast(ins.args);
  return SHELL.test(ins.argv[0] ?? "") && ins.argv[1] === "-c" && !execsLast(ins.argv[2] ?? "");
}

/** The last command of a shell line is `exec`: everything before it has run, then the app replaces the shell. */
function execsLast(script: string): boolean {
  // Quoted arguments may hold separators (`-g 'daemon off;'`).
  const commands = script
    .replace(/'[^']*'|"[^"]*"/g, "''")
    .split(/&&|;|\|\|/)
    .map((c) => c.trim())
    .filter(Boolean);
  return /^exec\s/.test(commands.at(-1) ?? "");
}

/** An entrypoint script must hand PID 1 over with `exec` on its last command. */
function shellScriptsWithoutExec(facts: ServiceFacts): RepoEvidence[] {
  const byScript = new Map<string, RepoEvidence>();
  for (const c of startCommands(facts)) if (c.from === "script") byScript.set(c.evidence.path, c.evidence);
  return [...byScript.values()].filter((last) => !/^\s*(exec\s|exit\b|wait\b|fi\b|done\b|esac\b|\}|\))/.test(last.snippet));
}
