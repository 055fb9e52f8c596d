import { ENV_READ } from "@/lib/rules/helpers/env-reads";
import { findLineMatches, lineEvidence, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { codeLines, serverSourceFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { APPLICATIONS_AND_JOBS } from "@/lib/rules/helpers/kinds";

// Config grouped by deploy ("environments"): it multiplies with every new deploy and ships inside the build.
const PER_ENV_CONFIG = [
  /(^|\/)config\/(production|prod|staging|stage|qa|uat)\.(json|ya?ml|toml|js|cjs|mjs|ts|ini)$/i,
  /(^|\/)application-(prod|production|staging|stage|qa|uat)\.(properties|ya?ml)$/i,
  /(^|\/)appsettings\.(Production|Staging|QA|UAT)\.json$/i,
  /(^|\/)settings[_/](prod|production|staging|stage)\.py$/i,
  /(^|\/)(prod|production|staging)\.(settings|config)\.(json|ya?ml|js|ts)$/i,
];

// What differs between deploys: where things are and who the service is to them.
const DEPLOY_SETTING =
  /\b(host|hostname|url|uri|endpoint|address|server|port|password|passwd|secret|token|api[-_]?key|user(name)?|connection[-_]?strings?|datasource|database|db|bucket|queue|topic|brokers?|dsn|region)\b["']?\s*[:=]\s*[^\s{[]|:\/\/|\b(\d{1,3}\.){3}\d{1,3}\b/i;

/**
 * The first line of a per-environment file that sets something deploy-specific (a host, URL, port, credential,
 * bucket...); null when it sets only behaviour; undefined when its text was not read (judged by its name alone).
 */
function deploySetting(facts: ServiceFacts, path: string): RepoEvidence | null | undefined {
  const file = facts.textFiles.find((f) => f.path === path);
  if (!file) return undefined;
  const lines = codeLines(file);
  const at = lines.findIndex((l) => !/^\s*(#|\/\/|<!--)/.test(l) && DEPLOY_SETTING.test(l));
  return at < 0 ? null : lineEvidence({ file, lineStart: at + 1 });
}

export const rule: RepositoryCheck = {
  id: "configReadFromEnv",
  version: 3,
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
    const perEnv = facts.files
      .filter((p) => !isIgnoredPath(pathInService(facts.service.path, p)) && PER_ENV_CONFIG.some((re) => re.test(p)))
      .map((path) => ({ path, setting: deploySetting(facts, path) }))
      // A profile that only tunes behaviour (`server.shutdown: graceful`, cache sizes) is the same in every deploy.
      .filter((f): f is { path: string; setting: RepoEvidence | undefined } => f.setting !== null);
    if (perEnv.length > 0) {
      return fail(
        `Config is grouped into per-environment files: ${perEnv.map((f) => f.path).join(", ")}.`,
        perEnv.map((f) => (f.setting === undefined ? pathEvidence({ facts, path: f.path }) : f.setting)),
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
