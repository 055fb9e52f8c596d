import { codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { lineEvidence } from "@/lib/rules/helpers/find-line-matches";
import { perFacts } from "@/lib/rules/helpers/per-facts";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { TextFile } from "@/lib/facts/types";

const CI_FILE =
  /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|Jenkinsfile|azure-pipelines\.ya?ml|\.circleci\/config\.ya?ml|bitbucket-pipelines\.ya?ml)$/;
const BUILD = /\bdocker\s+(buildx\s+)?build\b|docker\/build-push-action@|\bbuildah\s+(bud|build)\b|\/kaniko\/executor\b|\bpack\s+build\b/;
// An image tagged after an environment, or built with an environment switch: one build per environment.
const ENV_NAMES = "staging|stage|prod|production|dev|development|qa|uat|preprod";
const PER_ENV = new RegExp(
  String.raw`:(${ENV_NAMES})(["'\s,]|$)|-(${ENV_NAMES}):|--build-arg[= ]\s*["']?(NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|ENV|ENVIRONMENT|ASPNETCORE_ENVIRONMENT|SPRING_PROFILES_ACTIVE|FLASK_ENV)=|^\s*-?\s*(NODE_ENV|RAILS_ENV|APP_ENV|ENVIRONMENT|ASPNETCORE_ENVIRONMENT)=\S`,
  "i",
);
// A build step's options (build-push-action `tags:`/`build-args:`) follow it within a few lines.
const STEP_LINES = 8;

const ciBuilds = perFacts((facts) => {
  const builds: { file: TextFile; line: number; perEnv: number | null }[] = [];
  for (const file of productionFiles(facts).filter((f) => CI_FILE.test(f.path))) {
    const lines = codeLines(file);
    lines.forEach((code, i) => {
      if (!BUILD.test(code)) return;
      const window = lines.slice(i, i + STEP_LINES);
      const next = window.findIndex((l, k) => k > 0 && /^\s*-\s/.test(l));
      const step = next === -1 ? window : window.slice(0, next);
      const hit = step.findIndex((l) => PER_ENV.test(l));
      builds.push({ file, line: i + 1, perEnv: hit === -1 ? null : i + 1 + hit });
    });
  }
  return builds;
});

export const rule: RepositoryCheck = {
  id: "ciBuildsImageOncePerCommit",
  version: 1,
  factor: "build-release-run",
  title: "CI builds one image per commit and promotes it; no per-environment builds",
  rationale:
    "The build stage turns a commit into one artefact; releases combine that artefact with each environment's config. " +
    "Building `app:staging` and `app:prod` separately (or with NODE_ENV baked in) ships to production an image that staging never ran.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 4,
  evaluate(facts) {
    const builds = ciBuilds(facts);
    if (builds.length === 0) return notApplicable("No CI workflow builds a container image.");
    const perEnv: RepoEvidence[] = builds.flatMap((b) => (b.perEnv === null ? [] : [lineEvidence({ file: b.file, lineStart: b.perEnv })]));
    if (perEnv.length > 0) return fail(`CI builds images per environment (${plural(perEnv.length, "build step")}).`, perEnv);
    return pass(
      `CI builds the image once per commit (${plural(builds.length, "build step")}).`,
      builds.slice(0, 3).map((b) => lineEvidence({ file: b.file, lineStart: b.line })),
    );
  },
};
