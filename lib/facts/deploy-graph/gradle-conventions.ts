/** A Gradle precompiled script plugin: `buildSrc/src/main/kotlin/acme.java-conventions.gradle.kts`, or under `build-logic/`. */
export const CONVENTION_PLUGIN =
  /(^|\/)(buildSrc|build-logic|gradle\/plugins)\/(.*\/)?src\/main\/(kotlin|groovy)\/(.*\/)?[\w.-]+\.gradle(\.kts)?$/;

/**
 * The build files a Gradle module inherits its settings from: the convention plugins its build script applies
 * (`plugins { id("acme.java-conventions") }`, `apply plugin: 'acme.spring'`, the `` `acme.java-conventions` ``
 * accessor), and the plugins those apply in turn, plus the root build script when it configures
 * `subprojects {}` or `allprojects {}`. `texts` is every build file of the repository by path. Pure.
 */
export function gradleConventionsOf(opts: { moduleDir: string; texts: ReadonlyMap<string, string> }): string[] {
  const prefix = opts.moduleDir === "." || opts.moduleDir === "" ? "" : `${opts.moduleDir}/`;
  const own = [`${prefix}build.gradle.kts`, `${prefix}build.gradle`].find((p) => opts.texts.has(p));
  if (!own) return [];
  const conventions = new Map<string, string>();
  for (const path of opts.texts.keys()) {
    if (!CONVENTION_PLUGIN.test(path)) continue;
    const id = (path.split("/").at(-1) ?? "").replace(/\.gradle(\.kts)?$/, "");
    conventions.set(id, path);
  }
  const out: string[] = [];
  const queue = [own];
  while (queue.length > 0 && out.length < 20) {
    const text = opts.texts.get(queue.shift()!) ?? "";
    for (const id of appliedPluginIds(text)) {
      const path = conventions.get(id);
      if (path && !out.includes(path)) {
        out.push(path);
        queue.push(path);
      }
    }
  }
  if (prefix !== "") {
    const root = ["build.gradle.kts", "build.gradle"].find((p) => opts.texts.has(p));
    if (root && /^\s*(subprojects|allprojects)\s*\{/m.test(opts.texts.get(root)!)) out.push(root);
  }
  return out;
}

/** The plugin ids a build script applies. */
function appliedPluginIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/\bid\s*\(?\s*["']([\w.-]+)["']\s*\)?|\bapply\s*\(?\s*plugin\s*[:=]\s*["']([\w.-]+)["']|`([\w.-]+)`/g))
    ids.add(m[1] ?? m[2] ?? m[3]!);
  return [...ids];
}
