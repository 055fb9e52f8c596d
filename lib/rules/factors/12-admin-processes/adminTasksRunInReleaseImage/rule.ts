import { codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { imageWithoutVersion, isTemplatedImage } from "@/lib/rules/helpers/images";
import { lineEvidence } from "@/lib/rules/helpers/find-line-matches";
import {
  allContainers,
  containerEvidence,
  containerName,
  longRunningWorkloads,
  objectName,
  ONE_OFF_KINDS,
  podSpec,
} from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";

// Running a task inside a live, serving container instead of a one-off process of the release.
const EXEC_INTO_LIVE = /\b(kubectl|oc)\b[^|;&\n]*\sexec\b|\bdocker(-compose|\s+compose)?\s+exec\b|\bheroku\s+run:detached\b/;

// In parsed source code, a command only runs when it is handed to a process runner (`execSync("kubectl exec …")`,
// `exec.Command("kubectl", "exec", …)`, `subprocess.run([...])`); the same words in a message or a doc string are prose.
const PROCESS_RUNNER =
  /(^|[.:])(exec\w*|spawn\w*|run|call|check_call|check_output|system|popen|Popen|Command|CommandContext|Start|execa\w*|\$)$/;

/** Lines of a parsed source file whose strings, handed to one process runner, make up an exec into a live container. */
function execsInCode(file: TextFile): number[] {
  const commands = new Map<string, { line: number; words: string[] }>();
  for (const s of file.syntax?.strings ?? []) {
    if (!s.call || !PROCESS_RUNNER.test(s.call)) continue;
    const key = `${s.line}:${s.call}`;
    const command = commands.get(key) ?? { line: s.line, words: [] };
    command.words.push(s.value);
    commands.set(key, command);
  }
  return [...commands.values()].filter((c) => EXEC_INTO_LIVE.test(` ${c.words.join(" ")}`)).map((c) => c.line);
}

function execIntoLiveProcesses(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const file of productionFiles(facts)) {
    if (file.syntax) {
      for (const line of new Set(execsInCode(file))) found.push(lineEvidence({ file, lineStart: line }));
      continue;
    }
    codeLines(file).forEach((code, i) => {
      if (EXEC_INTO_LIVE.test(code)) found.push(lineEvidence({ file, lineStart: i + 1 }));
    });
  }
  return found;
}

export const rule: RepositoryCheck = {
  id: "adminTasksRunInReleaseImage",
  version: 2,
  factor: "admin-processes",
  title: "Admin tasks run as one-off processes of the release image, not in another image or inside a live pod",
  rationale:
    "One-off admin processes run against a release with the same code and config as the app. A Job built from a " +
    "different image drifts from the schema the app expects; `kubectl exec` into a serving pod competes with traffic and leaves no record.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  evaluate(facts) {
    const appImages = new Set(
      longRunningWorkloads(facts).flatMap((m) =>
        allContainers(m).map((c) => (typeof c.image === "string" ? imageWithoutVersion(c.image) : "")),
      ),
    );
    const jobs = facts.manifests.filter((m) => ONE_OFF_KINDS.has(m.kind) && podSpec(m));
    const foreign: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of appImages.size > 0 ? jobs : []) {
      for (const c of allContainers(m)) {
        const image = typeof c.image === "string" ? c.image : "";
        if (image === "" || isTemplatedImage(image) || appImages.has(imageWithoutVersion(image))) continue;
        names.push(`${objectName(m)} ${containerName(c)} runs ${image}`);
        foreign.push(containerEvidence(facts, m, c, /^\s*image:/));
      }
    }
    const execs = execIntoLiveProcesses(facts);
    if (execs.length > 0) names.push(`${plural(execs.length, "command", { verb: "exec" })} into running containers`);
    const evidence = [...foreign, ...execs];
    if (evidence.length > 0) return fail(`Admin tasks outside the release image: ${names.join("; ")}.`, evidence);
    if (jobs.length === 0 || appImages.size === 0)
      return notApplicable("No one-off Job next to an app workload, and no exec into live containers.");
    return pass(`One-off Jobs run the app's image (${plural(jobs.length, "Job")}).`);
  },
};
