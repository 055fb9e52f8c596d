import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DependencyManifest, ServiceFacts } from "@/lib/facts/types";

// "Any version": npm `*`/`x`/`latest`, Maven LATEST/RELEASE, open-ended ranges (`>=1.0` with no upper bound, `[42.2,)`).
const ANY = /^\s*(\*|x|latest|LATEST|RELEASE|)\s*$/;
const OPEN_LOWER_BOUND = /^\s*>=?\s*[\w.]+\s*$/;
const OPEN_MAVEN_RANGE = /^[[(][^,]*,\s*\)$/;

/** Why a declared version floats, or null when it names a bounded range or an exact version. */
function floating(manifest: DependencyManifest, version: string | null): string | null {
  // A bare requirement name only floats where no lockfile pins it (pip without a lock); elsewhere the lock decides.
  if (version === null) return manifest.lockfile === null && manifest.ecosystem === "pip" ? "no version" : null;
  if (ANY.test(version)) return version.trim() === "" ? "empty version" : version.trim();
  if (OPEN_LOWER_BOUND.test(version) || OPEN_MAVEN_RANGE.test(version.trim())) return `${version.trim()} (no upper bound)`;
  return null;
}

/** `@acme/` when an npm manifest's own package is scoped, else null. */
function ownScope(facts: ServiceFacts, manifest: DependencyManifest): string | null {
  if (manifest.ecosystem !== "npm") return null;
  const lines = facts.textFiles.find((f) => f.path === manifest.path)?.lines ?? [];
  const name = lines.map((l) => /^\s*"name"\s*:\s*"(@[\w.-]+\/)/.exec(l)).find((m) => m !== null);
  return name?.[1] ?? null;
}

export const rule: RepositoryCheck = {
  id: "noFloatingDependencyVersions",
  version: 1,
  factor: "dependencies",
  title: "Dependency manifests bound every version (no `*`, `latest`, LATEST or open-ended ranges)",
  rationale:
    "Declaring a dependency is half the job: `*`, `latest` or `>=1.0` let any future release in, so two builds of " +
    "the same commit can ship different code, and the next major version breaks the build without a code change.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  evaluate(facts) {
    const manifests = facts.dependencyManifests.filter((m) => !isIgnoredPath(pathInService(facts.service.path, m.path)));
    if (manifests.every((m) => m.dependencies.length === 0)) return notApplicable("No declared dependencies.");
    const found: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of manifests) {
      const scope = ownScope(facts, m);
      for (const d of m.dependencies) {
        // `"@acme/shared": "*"` in an npm workspace names a sibling package built from the same commit.
        if (scope && d.name.startsWith(scope) && d.version?.trim() === "*") continue;
        const why = floating(m, d.version);
        if (!why) continue;
        names.push(`${d.name} ${why}`);
        found.push(pathEvidence({ facts, path: m.path, line: d.line, snippet: `${d.name} ${d.version ?? ""}` }));
      }
    }
    if (found.length > 0)
      return fail(`Unbounded versions (${plural(found.length, "dependency")}): ${names.slice(0, 5).join(", ")}.`, found);
    return pass("Every declared dependency has a bounded version.");
  },
};
