import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepositoryCheck } from "@/lib/rules/types";

/** Installing, compiling or bundling: work that belongs to the build stage. */
const BUILD_STEP = new RegExp(
  [
    String.raw`\bnpm\s+(install|i|ci|run\s+(build|compile))\b`,
    String.raw`\byarn\s+(install|build)\b`,
    String.raw`\bpnpm\s+(install|i|build|run\s+build)\b`,
    String.raw`\b(pip3?|python3?\s+-m\s+pip)\s+install\b`,
    String.raw`\b(poetry|pipenv|bundle|composer)\s+install\b`,
    String.raw`\bgo\s+(build|run|get|mod\s+download)\b`,
    String.raw`\b(mvn|mvnw|\.\/mvnw)\b`,
    String.raw`\bgradlew?\s+[\w:-]*(build|assemble|bootRun|bootJar|jar|installDist)\b`,
    String.raw`\bdotnet\s+(build|publish|restore|run)\b`,
    String.raw`\bcargo\s+(build|run)\b`,
    String.raw`\b(tsc|webpack|vite\s+build|next\s+build|ng\s+build)\b`,
  ].join("|"),
);

export const rule: RepositoryCheck = {
  id: "noBuildStepsAtStartup",
  version: 1,
  factor: "build-release-run",
  title: "Processes start the built artefact without building at start-up",
  rationale:
    "Installing or compiling when a container starts makes every start slow and fallible (registry outages, " +
    "new transitive versions) and means the code that runs was never the code that was built and tested.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 6,
  evaluate(facts) {
    const commands = startCommands(facts);
    if (commands.length === 0) return notApplicable("No start command found (Dockerfile CMD/ENTRYPOINT, Procfile, manifest).");
    const building = commands.filter((c) => BUILD_STEP.test(c.command));
    if (building.length > 0) {
      return fail(
        `Installing or compiling at start-up (${plural(building.length, "start command")}).`,
        building.map((c) => c.evidence),
      );
    }
    return pass(
      `Start commands run the built artefact (${plural(commands.length, "command")} checked).`,
      commands.slice(0, 3).map((c) => c.evidence),
    );
  },
};
