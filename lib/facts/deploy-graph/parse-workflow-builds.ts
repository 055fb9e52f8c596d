import { LineCounter, parseDocument } from "yaml";
import { join } from "@/lib/facts/deploy-graph/parse-skaffold";
import type { ImageBuild } from "@/lib/facts/deploy-graph/types";

/**
 * The images a CI workflow builds: `docker build`/`docker buildx build`/`podman build` in a `run:` step (its
 * `-f` Dockerfile, `-t` tag and context), `docker/build-push-action` (`with: context, file, tags`) in GitHub
 * Actions, and Cloud Build `docker build` steps. A `${{ matrix.x }}` in a path is expanded when the job's matrix
 * lists plain values for it; other expressions leave the build out (its context cannot be known). Never throws.
 */
export function parseWorkflowBuilds(opts: { path: string; text: string }): ImageBuild[] {
  const lines = new LineCounter();
  let root: Record<string, unknown> | null;
  try {
    root = record(parseDocument(opts.text, { lineCounter: lines }).toJS({ maxAliasCount: 50 }));
  } catch {
    return [];
  }
  if (!root) return [];
  const builds: ImageBuild[] = [];
  const lineOf = (needle: string) => {
    const at = opts.text.indexOf(needle);
    return at >= 0 ? lines.linePos(at).line : 1;
  };
  const add = (b: { context: string; dockerfile: string | null; tag: string | null }, matrix: Record<string, string[]>, needle: string) => {
    for (const values of expand(matrix, `${b.context}|${b.dockerfile ?? ""}|${b.tag ?? ""}`)) {
      const [context = "", dockerfile = "", tag = ""] = values.split("|");
      if (/\$\{\{|\$\(|\$\{?\w/.test(`${context}${dockerfile}`)) continue;
      const ctx = join("", context);
      builds.push({
        context: ctx,
        dockerfile: dockerfile ? join("", dockerfile) : join(ctx, "Dockerfile"),
        image: tag && !/\$\{\{/.test(tag) ? tag : null,
        name: null,
        via: "workflow",
        at: { path: opts.path, line: lineOf(needle) },
      });
    }
  };
  // GitHub Actions
  for (const job of Object.values(record(root.jobs) ?? {})) {
    const j = record(job);
    const matrix = matrixOf(record(record(j?.strategy)?.matrix));
    for (const step of list(j?.steps).map(record)) {
      if (!step) continue;
      if (typeof step.uses === "string" && step.uses.startsWith("docker/build-push-action")) {
        const w = record(step.with) ?? {};
        const context = typeof w.context === "string" ? w.context : ".";
        add({ context, dockerfile: typeof w.file === "string" ? w.file : null, tag: firstTag(w.tags) }, matrix, step.uses);
      }
      // Expand the matrix before splitting the command into arguments: `${{ matrix.svc }}` holds spaces.
      if (typeof step.run === "string")
        for (const script of expand(matrix, step.run)) for (const b of dockerBuilds(script)) add(b, {}, "docker");
    }
  }
  // Cloud Build: steps: [{ name: gcr.io/cloud-builders/docker, args: [build, -t, X, ctx] }]
  for (const step of list(root.steps).map(record)) {
    if (!step || !Array.isArray(step.args) || !String(step.name ?? "").includes("docker")) continue;
    for (const b of dockerBuilds(`docker ${step.args.map(String).join(" ")}`)) add(b, {}, String(step.args[0] ?? "build"));
  }
  return builds;
}

/** `docker build` commands in a shell script (continuation lines joined). */
function dockerBuilds(script: string): { context: string; dockerfile: string | null; tag: string | null; raw: string }[] {
  const out: { context: string; dockerfile: string | null; tag: string | null; raw: string }[] = [];
  for (const line of script.replace(/\\\r?\n/g, " ").split(/\r?\n|&&|;/)) {
    const m = line.match(/\b(?:docker|podman)\s+(?:buildx\s+)?build\b(.*)$/);
    if (!m) continue;
    const args = m[1]!.trim().split(/\s+/).filter(Boolean);
    let dockerfile: string | null = null;
    let tag: string | null = null;
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : (args[++i] ?? ""));
      if (a === "-f" || a.startsWith("--file")) dockerfile = unquote(value());
      else if (a === "-t" || a.startsWith("--tag")) tag ??= unquote(value());
      else if (
        /^--(build-arg|platform|target|label|cache-from|cache-to|secret|ssh|output|builder|progress|network|iidfile|metadata-file|build-context)\b/.test(
          a,
        ) ||
        a === "-o"
      ) {
        if (!a.includes("=")) i++;
      } else if (!a.startsWith("-")) positional.push(unquote(a));
    }
    const context = positional.at(-1);
    if (context) out.push({ context, dockerfile, tag, raw: m[0] });
  }
  return out;
}

function matrixOf(matrix: Record<string, unknown> | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(matrix ?? {})) {
    if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) out[key] = value.map(String);
  }
  return out;
}

/** Every value of a text with `${{ matrix.x }}` placeholders, one per matrix entry it names. */
function expand(matrix: Record<string, string[]>, text: string): string[] {
  const m = text.match(/\$\{\{\s*matrix\.(\w+)\s*\}\}/);
  if (!m) return [text];
  const values = matrix[m[1]!];
  if (!values) return [text];
  return values.flatMap((v) => expand(matrix, text.split(m[0]).join(v)));
}

function firstTag(tags: unknown): string | null {
  if (typeof tags === "string") return tags.split(/[\n,]/)[0]?.trim() || null;
  return Array.isArray(tags) && typeof tags[0] === "string" ? tags[0] : null;
}

function unquote(text: string): string {
  return text.replace(/^["']|["']$/g, "");
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
