import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { DependencyManifest, Ecosystem } from "@/lib/facts/types";

// Ecosystems without a conventional lockfile are pinned by exact versions. JVM and .NET builds resolve a
// version with no range the same way every time; an absent one is managed by a parent POM/BOM or central file.
const PIP_EXACT = /^===?\s*[\w.+!-]+$/;
const MOVING = /^(latest|release)$|^latest\.|snapshot|\*|\+|[[\](),]/i;
const EXACT_BY_DEFAULT: ReadonlySet<Ecosystem> = new Set(["maven", "gradle", "nuget"]);

export const rule: RepositoryCheck = {
  id: "dependenciesPinnedByLockfile",
  version: 1,
  factor: "dependencies",
  title: "Dependencies are pinned by a lockfile",
  rationale:
    "Without a lockfile (or exact versions) two builds of the same commit can install different code, so a build " +
    "that passed CI is not the one that ships, and a compromised release slips in unnoticed.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  evaluate(facts) {
    const manifests = facts.dependencyManifests.filter((m) => !isIgnoredPath(pathInService(facts.service.path, m.path)));
    if (manifests.length === 0) return notApplicable("No dependency manifest found.");
    const loose = manifests.filter((m) => !isPinned(m));
    if (loose.length > 0) {
      const evidence = loose.map((m) => {
        const first = m.dependencies.find((d) => !isExact(m.ecosystem, d.version));
        return pathEvidence({ facts, path: m.path, line: first?.line ?? 1, snippet: first?.name ?? m.path });
      });
      const names = loose.map((m) => m.path).join(", ");
      return fail(`No lockfile or exact versions for ${names}.`, evidence);
    }
    const locks = manifests.map((m) => m.lockfile ?? `${m.path} (exact versions)`);
    return pass(`Pinned: ${locks.join(", ")}.`);
  },
};

function isPinned(m: DependencyManifest): boolean {
  if (m.lockfile) return true;
  if (m.dependencies.length === 0) return true; // nothing to pin, e.g. a go.mod with no requires
  return m.dependencies.every((d) => isExact(m.ecosystem, d.version));
}

function isExact(ecosystem: Ecosystem, version: string | null): boolean {
  if (ecosystem === "pip") return version !== null && PIP_EXACT.test(version.trim()) && !version.includes("*");
  if (EXACT_BY_DEFAULT.has(ecosystem)) return version === null || version.includes("${") || !MOVING.test(version);
  return false;
}
