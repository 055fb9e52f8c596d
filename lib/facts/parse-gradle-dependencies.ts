import type { ParsedDependencies } from "@/lib/facts/dependency-types";

// implementation "g:a:v" | implementation("g:a:v") | implementation(platform("g:a:v"))
const STRING_NOTATION = /^(\w+)\s*\(?\s*(?:(?:platform|enforcedPlatform|kotlin)\s*\(\s*)?["']([^"':\s]+:[^"'\s]+)["']/;
// implementation group: 'g', name: 'a', version: 'v'
const MAP_NOTATION =
  /^(\w+)\s*\(?\s*group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/;
// implementation(libs.spring.boot.starter) — a version catalog alias, version lives in libs.versions.toml
const CATALOG = /^(\w+)\s*\(?\s*(libs\.[\w.]+)/;
const CONFIGURATION =
  /^(implementation|api|compile|compileOnly|runtime|runtimeOnly|annotationProcessor|kapt|ksp|developmentOnly|[a-z]\w*(Implementation|Api|CompileOnly|RuntimeOnly|AnnotationProcessor))$/;

/**
 * Dependencies of `build.gradle` / `build.gradle.kts`, one per line in string, map or version-catalog
 * notation. Test configurations (`testImplementation`, `androidTestImplementation`...) and
 * `developmentOnly` are dev. Dependencies built in loops or from variables are not seen (a known gap).
 */
export function parseGradleDependencies(opts: { lines: readonly string[] }): ParsedDependencies {
  const dependencies: ParsedDependencies["dependencies"] = [];
  opts.lines.forEach((raw, i) => {
    const text = raw.replace(/\/\/.*$/, "").trim();
    const str = STRING_NOTATION.exec(text);
    const map = str ? null : MAP_NOTATION.exec(text);
    const catalog = str || map ? null : CATALOG.exec(text);
    const configuration = (str ?? map ?? catalog)?.[1];
    if (!configuration || !CONFIGURATION.test(configuration)) return;
    const dev = /^(test|androidTest|integrationTest)|^developmentOnly$/.test(configuration);
    if (str?.[2]) {
      const [group, artifact, version] = str[2].split(":");
      dependencies.push({ name: `${group}:${artifact}`, version: version ?? null, line: i + 1, dev });
    } else if (map?.[2]) {
      dependencies.push({ name: `${map[2]}:${map[3]}`, version: map[4] ?? null, line: i + 1, dev });
    } else if (catalog?.[2]) {
      dependencies.push({ name: catalog[2], version: null, line: i + 1, dev });
    }
  });
  return { dependencies, problems: [] };
}
