import { describeError } from "@/lib/errors";
import type { DependencyManifest, Ecosystem } from "@/lib/facts/types";
import type { ParsedDependencies } from "@/lib/facts/dependency-types";
import { findLockfile } from "@/lib/facts/find-lockfile";
import { parseGemfile } from "@/lib/facts/parse-gemfile";
import { parseGoMod } from "@/lib/facts/parse-go-mod";
import { parseGradleDependencies } from "@/lib/facts/parse-gradle-dependencies";
import { parseJsonDependencies } from "@/lib/facts/parse-json-dependencies";
import { parseRequirementsTxt } from "@/lib/facts/parse-requirements-txt";
import { parseTomlDependencies } from "@/lib/facts/parse-toml-dependencies";
import { parseXmlDependencies } from "@/lib/facts/parse-xml-dependencies";

interface ManifestKind {
  match: RegExp;
  ecosystem: (lines: readonly string[], lockfile: string | null) => Ecosystem;
  lockfiles: string[];
  ancestors: boolean;
  parse: (opts: { path: string; lines: readonly string[] }) => ParsedDependencies;
}

const KINDS: ManifestKind[] = [
  {
    match: /^package\.json$/,
    ecosystem: () => "npm",
    lockfiles: ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb"],
    ancestors: true,
    parse: (o) => parseJsonDependencies({ ...o, flavour: "npm" }),
  },
  {
    match: /^composer\.json$/,
    ecosystem: () => "composer",
    lockfiles: ["composer.lock"],
    ancestors: false,
    parse: (o) => parseJsonDependencies({ ...o, flavour: "composer" }),
  },
  {
    match: /^(.*[-_.])?requirements([-_.].*)?\.txt$/,
    ecosystem: () => "pip",
    lockfiles: [],
    ancestors: false,
    parse: parseRequirementsTxt,
  },
  {
    match: /^Pipfile$/,
    ecosystem: () => "pip",
    lockfiles: ["Pipfile.lock"],
    ancestors: false,
    parse: (o) => parseTomlDependencies({ ...o, flavour: "pipfile" }),
  },
  {
    match: /^pyproject\.toml$/,
    ecosystem: (lines, lock) => (lines.some((l) => l.startsWith("[tool.poetry")) || lock?.endsWith("poetry.lock") ? "poetry" : "pip"),
    lockfiles: ["poetry.lock", "uv.lock", "pdm.lock"],
    ancestors: true,
    parse: (o) => parseTomlDependencies({ ...o, flavour: "pyproject" }),
  },
  { match: /^go\.mod$/, ecosystem: () => "go", lockfiles: ["go.sum"], ancestors: false, parse: parseGoMod },
  {
    match: /^pom\.xml$/,
    ecosystem: () => "maven",
    lockfiles: [],
    ancestors: false,
    parse: (o) => parseXmlDependencies({ ...o, flavour: "maven" }),
  },
  {
    match: /^build\.gradle(\.kts)?$/,
    ecosystem: () => "gradle",
    lockfiles: ["gradle.lockfile"],
    ancestors: false,
    parse: parseGradleDependencies,
  },
  { match: /^Gemfile$/, ecosystem: () => "bundler", lockfiles: ["Gemfile.lock"], ancestors: false, parse: parseGemfile },
  {
    match: /^Cargo\.toml$/,
    ecosystem: () => "cargo",
    lockfiles: ["Cargo.lock"],
    ancestors: true,
    parse: (o) => parseTomlDependencies({ ...o, flavour: "cargo" }),
  },
  {
    match: /\.csproj$/,
    ecosystem: () => "nuget",
    lockfiles: ["packages.lock.json"],
    ancestors: false,
    parse: (o) => parseXmlDependencies({ ...o, flavour: "nuget" }),
  },
];

/**
 * Parses one dependency manifest (npm, Composer, pip requirements / Pipfile / pyproject, Go, Maven, Gradle,
 * Bundler, Cargo, NuGet) and finds the lockfile that pins it among `paths` (every known path relative to
 * the source root). Returns null for a file that is not a manifest; bad content yields `problems`, never
 * an exception. Maven and plain requirements.txt have no lockfile by design: `lockfile` stays null.
 */
export function parseDependencies(opts: { path: string; lines: readonly string[]; paths: ReadonlySet<string> }): {
  manifest: DependencyManifest | null;
  problems: string[];
} {
  const base = opts.path.slice(opts.path.lastIndexOf("/") + 1);
  const kind = KINDS.find((k) => k.match.test(base));
  if (!kind) return { manifest: null, problems: [] };
  const lockfile = findLockfile({ manifestPath: opts.path, names: kind.lockfiles, paths: opts.paths, ancestors: kind.ancestors });
  let parsed: ParsedDependencies;
  try {
    parsed = kind.parse({ path: opts.path, lines: opts.lines });
  } catch (error) {
    // The parsers are written not to throw; this keeps one odd file from failing a whole service.
    // Named by its class, never its message: a parser's message can quote the file's lines.
    parsed = { dependencies: [], problems: [`could not parse: ${describeError(error)}`] };
  }
  return {
    manifest: { path: opts.path, ecosystem: kind.ecosystem(opts.lines, lockfile), lockfile, dependencies: parsed.dependencies },
    problems: parsed.problems,
  };
}
