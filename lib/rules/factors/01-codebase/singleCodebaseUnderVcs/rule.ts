import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

// Files that best stand for "the codebase" when pointing at an untracked service.
const ROOT_MARKERS =
  /(^|\/)(package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|[^/]+\.csproj|Gemfile|Cargo\.toml|Dockerfile|README\.md)$/;

export const rule: RepositoryCheck = {
  id: "singleCodebaseUnderVcs",
  version: 1,
  factor: "codebase",
  title: "Code is tracked in version control",
  rationale:
    "A deploy is a running instance of one codebase at one commit. Without version control there is no commit to " +
    "deploy, roll back to or audit, and copies drift apart.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  evaluate(facts) {
    if (facts.vcs.kind === "git") {
      const at = facts.vcs.commit ? ` at ${facts.vcs.commit.slice(0, 7)}` : "";
      const on = facts.vcs.branch ? ` on ${facts.vcs.branch}` : "";
      return pass(`Tracked in git${at}${on}.`);
    }
    return fail("The service directory is not inside a git repository.", [markerEvidence(facts)]);
  },
};

function markerEvidence(facts: ServiceFacts) {
  const marker = facts.files.find((f) => ROOT_MARKERS.test(f)) ?? facts.files[0] ?? facts.service.path;
  return pathEvidence({ facts, path: marker, snippet: "(not under version control)" });
}
