import { finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import { sourceFiles } from "@/lib/rules/helpers/code-lines";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { adHocPackages } from "./ad-hoc-installs";
import { findUndeclaredImports } from "./undeclared-imports";

export const rule: RepositoryCheck = {
  id: "dependenciesDeclaredInManifest",
  version: 2,
  factor: "dependencies",
  title: "Every dependency is declared in a manifest",
  rationale:
    "A package installed by hand in the image (`RUN pip install flask`) or imported without any manifest is " +
    "invisible to audits, updates and local builds: the app works only where someone happened to install it.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0 && facts.dockerfiles.length === 0) {
      return notApplicable("No source code or Dockerfile to inspect.");
    }
    const evidence: RepoEvidence[] = [...adHocInstalls(facts), ...findUndeclaredImports(facts)];
    if (evidence.length > 0) {
      return fail(`${plural(evidence.length, "dependency")} installed or imported without a manifest entry.`, evidence);
    }
    const manifests = facts.dependencyManifests.map((m) => m.path);
    return pass(manifests.length > 0 ? `Declared in ${manifests.join(", ")}.` : "No third-party dependencies found.");
  },
};

/** `RUN pip install requests` in the image that ships (builder stages may install build tools). */
function adHocInstalls(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const df of facts.dockerfiles) {
    for (const ins of finalStageInstructions(df)) {
      if (ins.keyword !== "RUN") continue;
      const packages = adHocPackages(ins.argv.join(" "));
      if (packages.length === 0) continue;
      found.push(pathEvidence({ facts, path: df.path, line: ins.lineStart, snippet: `RUN ${ins.args}` }));
    }
  }
  return found;
}
