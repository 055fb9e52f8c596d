import { parse } from "yaml";
import { parseTemplate, render, type TemplateContext } from "@/lib/facts/deploy-graph/go-template";
import { parseManifests } from "@/lib/facts/parse-manifests";
import type { ManifestObject } from "@/lib/facts/types";

/** What rendering one chart with its own values gave: its objects (at their template's path), and what stayed unknown. */
export interface RenderedChart {
  dir: string;
  name: string;
  objects: ManifestObject[];
  /** Template expressions that could not be resolved offline (a lookup, a value the chart requires). */
  unresolved: string[];
  problems: { path: string; reason: string }[];
}

/**
 * Renders a Helm chart as `helm template` would with its default values: every template under
 * `<dir>/templates/` (helpers first, for their `define`s) against `values.yaml`, `.Release.Name` "release"
 * in namespace "default". Each rendered object keeps its template's path and the template line of its
 * `kind:`, so evidence points at the file to edit. Pure; a template that fails to parse or render is a
 * problem, never an exception.
 */
export function renderHelmChart(opts: { dir: string; texts: readonly { path: string; text: string }[] }): RenderedChart {
  const prefix = opts.dir === "" ? "" : `${opts.dir}/`;
  const own = opts.texts.filter((t) => t.path.startsWith(prefix) && !t.path.slice(prefix.length).startsWith("charts/"));
  const chartFile = own.find((t) => t.path === `${prefix}Chart.yaml` || t.path === `${prefix}Chart.yml`);
  const chart = safeParse(chartFile?.text) as { name?: string; version?: string; appVersion?: string } | null;
  const values = (safeParse(own.find((t) => t.path === `${prefix}values.yaml` || t.path === `${prefix}values.yml`)?.text) ?? {}) as Record<
    string,
    unknown
  >;
  const name = chart?.name ?? opts.dir.split("/").at(-1) ?? "chart";
  const templates = own.filter((t) => t.path.startsWith(`${prefix}templates/`)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const ctx: TemplateContext = { defines: new Map(), unresolved: new Set() };
  const problems: { path: string; reason: string }[] = [];
  const parsed: { path: string; text: string; nodes: ReturnType<typeof parseTemplate> }[] = [];
  // Helpers first: a template may include a define from any file of the chart.
  for (const t of [...templates].sort((a, b) => Number(!isHelper(a.path)) - Number(!isHelper(b.path)))) {
    try {
      parsed.push({ ...t, nodes: parseTemplate(t.text, ctx.defines) });
    } catch (error) {
      problems.push({ path: t.path, reason: `template does not parse: ${String(error).slice(0, 120)}` });
    }
  }
  const root = {
    Values: values,
    Release: { Name: "release", Namespace: "default", Service: "Helm", IsInstall: true, IsUpgrade: false, Revision: 1 },
    Chart: { Name: name, Version: chart?.version ?? "0.0.0", AppVersion: chart?.appVersion ?? "" },
    Capabilities: { KubeVersion: { Version: "v1.30.0", Major: "1", Minor: "30", GitVersion: "v1.30.0" }, APIVersions: [] },
    Template: { BasePath: `${name}/templates` },
  };
  const objects: ManifestObject[] = [];
  for (const t of parsed) {
    if (isHelper(t.path) || !/\.ya?ml$/.test(t.path)) continue;
    let text: string;
    try {
      text = render(t.nodes, { ...root, Template: { ...root.Template, Name: `${name}/${t.path.slice(prefix.length)}` } }, ctx);
    } catch (error) {
      problems.push({ path: t.path, reason: `template does not render: ${String(error).slice(0, 120)}` });
      continue;
    }
    const rendered = parseManifests({ path: t.path, text: quoteMaskedValues(text) });
    for (const p of rendered.problems) problems.push({ path: t.path, reason: `rendered YAML: ${p}` });
    const templateLines = t.text.split("\n");
    let searchFrom = 0;
    for (const object of rendered.objects) {
      // Point at the template's own `kind:` line for this object, in order of appearance.
      const at = templateLines.findIndex((line, i) => i >= searchFrom && new RegExp(`^\\s*kind:\\s*["']?${object.kind}\\b`).test(line));
      const lineStart = at >= 0 ? at + 1 : 1;
      searchFrom = at >= 0 ? at + 1 : searchFrom;
      objects.push({ ...object, lineStart, lineEnd: Math.max(lineStart, templateLines.length) });
    }
  }
  return { dir: opts.dir, name, objects, unresolved: [...ctx.unresolved].sort(), problems };
}

/**
 * Values are redacted before rendering (lib/facts/redact-secrets.ts): a masked one (`****`, `hunt****`) put in
 * as a whole plain scalar would read as a YAML alias and lose the whole document, so it is quoted.
 */
function quoteMaskedValues(text: string): string {
  return text.replace(/(:[ \t]+|^[ \t]*-[ \t]+)([^\s"'#]{0,4}\*{4})(?=[ \t]*(#.*)?$)/gm, '$1"$2"');
}

function isHelper(path: string): boolean {
  const base = path.split("/").at(-1) ?? "";
  return base.startsWith("_") || base.endsWith(".tpl");
}

function safeParse(text: string | undefined): unknown {
  if (!text) return null;
  try {
    // Helm reads values with Go's YAML, where a repeated key is allowed and the last one wins.
    return parse(text, { maxAliasCount: 100, uniqueKeys: false });
  } catch {
    return null;
  }
}
