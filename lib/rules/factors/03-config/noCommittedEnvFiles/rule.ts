import { baseName } from "@/lib/rules/helpers/code-lines";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isTestPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";

// `.env`, `.env.production`, `prod.env`, `.env.local`; templates that list variable names are fine.
const ENV_FILE = /^(\.env(\.[\w-]+)*|[\w-]+\.env)$/;
const TEMPLATE = /\.(example|sample|template|tmpl|dist|defaults?|schema|test|ci)$|^\.env\.(example|sample|template)/;

export const rule: RepositoryCheck = {
  id: "noCommittedEnvFiles",
  version: 1,
  factor: "config",
  title: "No environment files are committed",
  rationale:
    "A committed `.env` ties config to the code: every clone carries one environment's values (often credentials), " +
    "and changing a setting needs a commit. Config belongs in the deploy's environment; commit only a template.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    const committed = facts.files.filter((path) => {
      const name = baseName(path);
      return ENV_FILE.test(name) && !TEMPLATE.test(name) && !isTestPath(pathInService(facts.service.path, path));
    });
    if (committed.length > 0) {
      const evidence = committed.map((path) => pathEvidence({ facts, path, snippet: baseName(path) }));
      return fail(`Environment files committed: ${committed.join(", ")}.`, evidence);
    }
    return pass("No .env files in the repository (templates such as .env.example are fine).");
  },
};
