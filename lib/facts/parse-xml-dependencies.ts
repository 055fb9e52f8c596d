import type { ParsedDependencies } from "@/lib/facts/dependency-types";

/**
 * Dependencies of a Maven `pom.xml` (`<dependency>` blocks outside `<dependencyManagement>` and plugins;
 * `groupId:artifactId`, version as written, `test`/`provided` scope = dev) or a .NET `*.csproj`
 * (`<PackageReference Include Version>`, attribute or child element; `PrivateAssets="all"` = dev, as
 * analyzers and build tools are). Regex over the text with offsets mapped to lines: enough for these
 * regular files without an XML parser. Comments are blanked first (newlines kept, so lines stay right).
 */
export function parseXmlDependencies(opts: { lines: readonly string[]; flavour: "maven" | "nuget" }): ParsedDependencies {
  const text = opts.lines.join("\n").replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  return { dependencies: opts.flavour === "maven" ? maven(text, lineAt) : nuget(text, lineAt), problems: [] };
}

function maven(text: string, lineAt: (offset: number) => number): ParsedDependencies["dependencies"] {
  const ignored = [...text.matchAll(/<(dependencyManagement|plugins|pluginManagement)>[\s\S]*?<\/\1>/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  const deps: ParsedDependencies["dependencies"] = [];
  for (const m of text.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    if (ignored.some(([from = 0, to = 0]) => m.index >= from && m.index < to)) continue;
    const body = m[1] ?? "";
    const field = (name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(body)?.[1] ?? null;
    const artifact = field("artifactId");
    if (!artifact) continue;
    const group = field("groupId");
    deps.push({
      name: group ? `${group}:${artifact}` : artifact,
      version: field("version"),
      line: lineAt(m.index),
      dev: /^(test|provided)$/.test(field("scope") ?? ""),
    });
  }
  return deps;
}

function nuget(text: string, lineAt: (offset: number) => number): ParsedDependencies["dependencies"] {
  const deps: ParsedDependencies["dependencies"] = [];
  for (const m of text.matchAll(/<PackageReference\b([^>]*?)(\/>|>([\s\S]*?)<\/PackageReference>)/g)) {
    const attrs = m[1] ?? "";
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1] ?? null;
    const name = attr("Include") ?? attr("Update");
    if (!name) continue;
    const child = (tag: string) => new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(m[3] ?? "")?.[1] ?? null;
    const privateAssets = attr("PrivateAssets") ?? child("PrivateAssets");
    deps.push({ name, version: attr("Version") ?? child("Version"), line: lineAt(m.index), dev: privateAssets?.toLowerCase() === "all" });
  }
  return deps;
}
