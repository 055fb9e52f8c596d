import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

/** Declared dependencies whose name matches, with evidence at the declaring line. */
export function findDependencies(facts: ServiceFacts, name: RegExp): { name: string; evidence: RepoEvidence }[] {
  const found: { name: string; evidence: RepoEvidence }[] = [];
  for (const manifest of facts.dependencyManifests) {
    if (isIgnoredPath(pathInService(facts.service.path, manifest.path))) continue;
    for (const dep of manifest.dependencies) {
      if (name.test(dep.name)) {
        found.push({ name: dep.name, evidence: pathEvidence({ facts, path: manifest.path, line: dep.line, snippet: dep.name }) });
      }
    }
  }
  return found;
}
