import type { ServiceFacts, TextFile } from "@/lib/facts/types";

/** The Spring Boot version a build declares, and the line that declares it. */
export interface SpringBootVersion {
  major: number;
  minor: number;
  path: string;
  /** 1-based. */
  line: number;
}

// Maven and Gradle build files, Gradle's properties and version catalogue: wherever a Boot version is written.
const BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?|gradle\.properties|libs\.versions\.toml)$/;
// A POM's <parent> or BOM <dependency> naming Boot's parent or dependencies, in either element order.
const MAVEN_BLOCK = /<(parent|dependency)>[\s\S]*?<\/\1>/g;
const MAVEN_BOOT_ARTIFACT = /<artifactId>\s*spring-boot-(starter-parent|dependencies)\s*<\/artifactId>/;
const MAVEN_VERSION = /<version>\s*(?<major>\d+)\.(?<minor>\d+)/;
/** Other ways a build states the Boot version (a POM property, Gradle's plugin, `ext`, properties, catalogue). */
const DECLARATIONS: readonly RegExp[] = [
  /<spring-boot\.version>\s*(?<major>\d+)\.(?<minor>\d+)/,
  /\bid\s*\(?\s*["']org\.springframework\.boot["']\s*\)?\s*version\s*["'](?<major>\d+)\.(?<minor>\d+)/,
  /["']org\.springframework\.boot:spring-boot-gradle-plugin:(?<major>\d+)\.(?<minor>\d+)/,
  /\bspringBootVersion\s*[=:]\s*["']?(?<major>\d+)\.(?<minor>\d+)/,
  /^\s*spring-?[bB]oot\s*=\s*["'](?<major>\d+)\.(?<minor>\d+)/m,
];
const BOOT_DEPENDENCY = /^org\.springframework\.boot:spring-boot/;
const NUMERIC = /^(?<major>\d+)\.(?<minor>\d+)/;

/**
 * The Spring Boot version of the application started in `from`: read from every Maven/Gradle build file in the
 * facts (a module's own build, then its parents up to the repository root, nearest first, then any other), and
 * failing that from a Boot dependency declared with a version. Null when no build states it.
 */
export function findSpringBootVersion(opts: { facts: ServiceFacts; from: string }): SpringBootVersion | null {
  for (const file of nearestFirst(
    opts.facts.textFiles.filter((f) => BUILD_FILE.test(f.path)),
    opts.from,
  )) {
    const found = declaredIn(file);
    if (found) return found;
  }
  for (const manifest of opts.facts.dependencyManifests) {
    for (const dep of manifest.dependencies) {
      const m = BOOT_DEPENDENCY.test(dep.name) ? NUMERIC.exec(dep.version ?? "") : null;
      if (m?.groups) return { major: Number(m.groups.major), minor: Number(m.groups.minor), path: manifest.path, line: dep.line };
    }
  }
  return null;
}

function declaredIn(file: TextFile): SpringBootVersion | null {
  // Comments blanked, newlines kept, so offsets still map to lines.
  const text = file.lines.join("\n").replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const at = (offset: number, m: RegExpExecArray) => ({
    major: Number(m.groups?.major),
    minor: Number(m.groups?.minor),
    path: file.path,
    line: text.slice(0, offset).split("\n").length,
  });
  for (const block of text.matchAll(MAVEN_BLOCK)) {
    const version = MAVEN_BOOT_ARTIFACT.test(block[0]) ? MAVEN_VERSION.exec(block[0]) : null;
    if (version) return at(block.index + version.index, version);
  }
  for (const pattern of DECLARATIONS) {
    const m = pattern.exec(text);
    if (m) return at(m.index + (m[0].length - m[0].trimStart().length), m);
  }
  return null;
}

/** Build files in the start file's folder and its ancestors, deepest first, then the others in path order. */
function nearestFirst(files: TextFile[], from: string): TextFile[] {
  const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
  const start = dirOf(from);
  const isAncestor = (dir: string) => dir === "" || start === dir || start.startsWith(`${dir}/`);
  const depth = (dir: string) => (dir === "" ? 0 : dir.split("/").length);
  const rank = (f: TextFile) => (isAncestor(dirOf(f.path)) ? -depth(dirOf(f.path)) : 1);
  return [...files].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}
