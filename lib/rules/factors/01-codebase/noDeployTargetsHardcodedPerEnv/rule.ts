import { baseName, codeLines, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { lineEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

const ENV_NAME = "(?:prod|production|staging|stage|stg|qa|uat|preprod)";
// One Dockerfile per environment means a different artefact per deploy.
const PER_ENV_DOCKERFILE = new RegExp(`^(dockerfile[.-]${ENV_NAME}|${ENV_NAME}\\.dockerfile)$`);
// `if (env === "production")`, `case "staging":`, `env.equals("prod")`, `when "prod"`.
const ENV_BRANCH = new RegExp(`(===?|!==?|\\.equals\\(|\\bcase\\b|\\bwhen\\b|\\bin\\s*[\\[(])\\s*["'\`]${ENV_NAME}["'\`]`, "i");
// A host or URL literal: the deploy target being chosen in code.
const TARGET_LITERAL =
  /["'`](?:[a-z][a-z0-9+.-]*:\/\/[^"'`\s]+|[\w-]+(?:\.[\w-]+)*\.(?:internal|local|lan|corp|com|net|io|cloud|example)(?::\d+)?)["'`]/i;
const LOOKAHEAD = 4;

export const rule: RepositoryCheck = {
  id: "noDeployTargetsHardcodedPerEnv",
  version: 1,
  factor: "codebase",
  title: "One codebase serves every deploy, without per-environment builds or targets",
  rationale:
    "Staging and production must run the same build with different config. Per-environment Dockerfiles or code " +
    "that picks hosts by environment name make each deploy a different codebase, so what was tested is not what runs.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 4,
  evaluate(facts) {
    const sources = sourceFiles(facts);
    if (sources.length === 0 && facts.dockerfiles.length === 0) return notApplicable("No source code or Dockerfile to inspect.");
    const evidence = [...perEnvDockerfiles(facts), ...hostsChosenByEnv(facts)];
    if (evidence.length > 0) {
      return fail(`Builds or deploy targets chosen per environment (${plural(evidence.length, "place")}).`, evidence);
    }
    return pass("No per-environment build files or environment-named deploy targets found.");
  },
};

function perEnvDockerfiles(facts: ServiceFacts): RepoEvidence[] {
  return facts.files
    .filter((p) => !isIgnoredPath(pathInService(facts.service.path, p)) && PER_ENV_DOCKERFILE.test(baseName(p)))
    .map((path) => pathEvidence({ facts, path, snippet: baseName(path) }));
}

function hostsChosenByEnv(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const file of sourceFiles(facts)) {
    const lines = codeLines(file);
    lines.forEach((code, i) => {
      if (!ENV_BRANCH.test(code)) return;
      for (let j = i; j < Math.min(lines.length, i + 1 + LOOKAHEAD); j++) {
        if (TARGET_LITERAL.test(lines[j] ?? "")) {
          found.push(lineEvidence({ file, lineStart: i + 1, lineEnd: j + 1 }));
          return;
        }
      }
    });
  }
  return found;
}
