import { ENV_READ } from "@/lib/rules/helpers/env-reads";
import { findLineMatches, lineEvidence, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { serverSourceFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { APPLICATIONS_AND_JOBS } from "@/lib/rules/helpers/kinds";

// Config grouped by deploy ("environments"): it multiplies with every new deploy and ships inside the build.
const PER_ENV_CONFIG = [
  /(^|\/)config\/(production|prod|staging|stage|qa|uat)\.(json|ya?ml|toml|js|cjs|mjs|ts|ini)$/i,
  /(^|\/)application-(prod|production|staging|stage|qa|uat)\.(properties|ya?ml)$/i,
  /(^|\/)appsettings\.(Production|Staging|QA|UAT)\.json$/i,
  /(^|\/)settings[_/](prod|production|staging|stage)\.py$/i,
  /(^|\/)(prod|production|staging)\.(settings|config)\.(json|ya?ml|js|ts)$/i,
];

export const rule: RepositoryCheck = {
  id: "configReadFromEnv",
  version: 2,
  factor: "config",
  title: "Config is read from the environment",
  rationale:
    "Settings that vary between deploys (URLs, credentials, feature switches) must come from environment variables, " +
    "not from per-environment files built into the artefact, so one build can run anywhere.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 6,
  kinds: APPLICATIONS_AND_JOBS,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const perEnv = facts.files.filter(
      (p) => !isIgnoredPath(pathInService(facts.service.path, p)) && PER_ENV_CONFIG.some((re) => re.test(p)),
    );
    if (perEnv.length > 0) {
      return fail(
        `Config is grouped into per-environment files: ${perEnv.join(", ")}.`,
        perEnv.map((path) => pathEvidence({ facts, path })),
      );
    }
    const reads = findLineMatches({ facts, patterns: ENV_READ, limit: 5 });
    if (reads.length === 0) {
      if (serverSourceFiles(facts).length === 0) return notAvailable("Only browser assets are readable; the server's language is not.");
      const first = sourceFiles(facts)[0];
      const evidence = first ? [lineEvidence({ file: first, lineStart: 1 })] : [];
      return fail("No source file reads an environment variable: config must be hard-coded or baked in.", evidence);
    }
    return pass(
      "Config is read from environment variables.",
      reads.map((m) => matchEvidence(m)),
    );
  },
};
