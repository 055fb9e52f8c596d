import type { ParsedDependencies } from "@/lib/facts/dependency-types";
import { lineAtOffset, lineStartsOf } from "@/lib/text/line-at-offset";

/**
 * Dependencies of a Maven `pom.xml` (`<dependency>` blocks outside `<dependencyManagement>` and plugins;
 * `groupId:artifactId`, version as written, `test`/`provided` scope = dev) or a .NET `*.csproj`
 * (`<PackageReference Include Version>`, attribute or child element; `PrivateAssets="all"` = dev, as
 * analyzers and build tools are). Regex over the text with offsets mapped to lines: enough for these
 * regular files without an XML parser. Comments are blanked first (newlines kept, so lines stay right).
 */
export function parseXmlDependencies(opts: { lines: readonly string[]; flavour: "maven" | "nuget" }): ParsedDependencies {
  const raw = opts.lines.join("\n");
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of elements(raw, "<!--", "-->")) {
    parts.push(raw.slice(at, from), raw.slice(from, to).replace(/[^\n]/g, " "));
    at = to;
  }
  const text = parts.join("") + raw.slice(at);
  const starts = lineStartsOf(text);
  // The 1-based line of an offset, by binary search over line starts: linear however many dependencies.
  const lineAt = (offset: number) => lineAtOffset(starts, offset);
  return { dependencies: opts.flavour === "maven" ? maven(text, lineAt) : nuget(text, lineAt), problems: [] };
}

/**
 * Each `open … close` span (offsets, close included), the first close after each open, by indexOf: an
 * element that never closes ends the search instead of being looked for from every later open (n²).
 */
function elements(text: string, open: string, close: string): [from: number, to: number][] {
  const spans: [number, number][] = [];
  for (let from = text.indexOf(open); from >= 0;) {
    const end = text.indexOf(close, from + open.length);
    if (end < 0) break;
    spans.push([from, end + close.length]);
    from = text.indexOf(open, end + close.length);
  }
  return spans;
}

/** The trimmed text of the first `<name>…</name>` in `body`, or null. */
function childText(body: string, name: string): string | null {
  const value = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
  return value === undefined ? null : value.trim();
}

function maven(text: string, lineAt: (offset: number) => number): ParsedDependencies["dependencies"] {
  const ignored = ["dependencyManagement", "plugins", "pluginManagement"].flatMap((tag) => elements(text, `<${tag}>`, `</${tag}>`));
  const deps: ParsedDependencies["dependencies"] = [];
  for (const [from, to] of elements(text, "<dependency>", "</dependency>")) {
    if (ignored.some(([start = 0, end = 0]) => from >= start && from < end)) continue;
    const body = text.slice(from + "<dependency>".length, to - "</dependency>".length);
    const field = (name: string) => childText(body, name);
    const artifact = field("artifactId");
    if (!artifact) continue;
    const group = field("groupId");
    deps.push({
      name: group ? `${group}:${artifact}` : artifact,
      version: field("version"),
      line: lineAt(from),
      dev: /^(test|provided)$/.test(field("scope") ?? ""),
    });
  }
  return deps;
}

function nuget(text: string, lineAt: (offset: number) => number): ParsedDependencies["dependencies"] {
  const deps: ParsedDependencies["dependencies"] = [];
  const CLOSE = "</PackageReference>";
  const closes: number[] = [];
  for (let c = text.indexOf(CLOSE); c >= 0; c = text.indexOf(CLOSE, c + 1)) closes.push(c);
  for (let at = text.indexOf("<PackageReference"); at >= 0; at = text.indexOf("<PackageReference", at + 1)) {
    const next = text[at + "<PackageReference".length];
    if (next === undefined || /\w/.test(next)) continue;
    const tagEnd = text.indexOf(">", at);
    if (tagEnd < 0) break;
    const selfClosing = text[tagEnd - 1] === "/";
    const close = selfClosing ? -1 : firstAfter(closes, tagEnd);
    // A reference that opens a body and never closes it is no reference.
    if (!selfClosing && close < 0) continue;
    const attrs = text.slice(at + "<PackageReference".length, selfClosing ? tagEnd - 1 : tagEnd);
    const body = selfClosing ? "" : text.slice(tagEnd + 1, close);
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1] ?? null;
    const name = attr("Include") ?? attr("Update");
    if (!name) continue;
    const child = (tag: string) => childText(body, tag);
    const privateAssets = attr("PrivateAssets") ?? child("PrivateAssets");
    deps.push({ name, version: attr("Version") ?? child("Version"), line: lineAt(at), dev: privateAssets?.toLowerCase() === "all" });
  }
  return deps;
}

/** The first position in `sorted` after `offset`, or -1 (binary search). */
function firstAfter(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] ?? -1;
}
