import { baseName } from "@/lib/rules/helpers/code-lines";
import { lineEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

// `.env`, `.env.production`, `prod.env`, `.env.local`; templates that list variable names are fine.
const ENV_FILE = /^(\.env(\.[\w-]+)*|[\w-]+\.env)$/;
const TEMPLATE = /\.(example|sample|template|tmpl|dist|defaults?|schema|test|ci)$|^\.env\.(example|sample|template)/;

// Variables compose itself consumes to pick images and project settings (`image: ${REPO}/cart:${TAG}`), not the
// app's config: a `.env` of only these names which release to run, like a lockfile.
const COMPOSE_CONTROL = /^(COMPOSE_\w+|DOCKER_\w+|(\w+_)?(REPO|REPOSITORY|REGISTRY|IMAGE|IMAGE_NAME|IMAGE_PREFIX|TAG|IMAGE_TAG|VERSION))$/i;

export const rule: RepositoryCheck = {
  id: "noCommittedEnvFiles",
  version: 2,
  factor: "config",
  title: "No environment files are committed",
  rationale:
    "A committed `.env` ties config to the code: every clone carries one environment's values (often credentials), " +
    "and changing a setting needs a commit. Config belongs in the deploy's environment; commit only a template. " +
    "A `.env` that only names the images compose runs (`TAG`, `REPO`) is release selection, not config.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    const committed = envFiles(facts).flatMap((path) => {
      const evidence = configEvidence(facts, path);
      return evidence ? [{ path, evidence }] : [];
    });
    if (committed.length > 0)
      return fail(
        `Environment files committed: ${committed.map((c) => c.path).join(", ")}.`,
        committed.map((c) => c.evidence),
      );
    return pass("No .env files with config in the repository (templates such as .env.example are fine).");
  },
};

/**
 * `.env` files of the service: under its directory, and any the collector attached from outside it (the `.env`
 * beside a compose file that deploys it, which compose reads for every service of the file).
 */
function envFiles(facts: ServiceFacts): string[] {
  const paths = new Set([...facts.files, ...facts.textFiles.map((f) => f.path)]);
  return [...paths].filter((path) => {
    const name = baseName(path);
    return ENV_FILE.test(name) && !TEMPLATE.test(name) && !isIgnoredPath(pathInService(facts.service.path, path));
  });
}

/** Where the file sets config: its first assignment that is not a compose control variable; null when none is. */
function configEvidence(facts: ServiceFacts, path: string): RepoEvidence | null {
  const file = facts.textFiles.find((f) => f.path === path);
  if (!file) return pathEvidence({ facts, path, snippet: baseName(path) });
  const keys = file.lines.map((line, i) => ({ key: /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=/.exec(line)?.[1], line: i + 1 }));
  const assignments = keys.filter((k) => k.key !== undefined);
  // An empty or comment-only file sets nothing, but it is still the place values get added: judge it by name.
  if (assignments.length === 0) return pathEvidence({ facts, path, snippet: baseName(path) });
  const config = assignments.find((k) => !COMPOSE_CONTROL.test(k.key ?? ""));
  return config ? lineEvidence({ file, lineStart: config.line }) : null;
}
