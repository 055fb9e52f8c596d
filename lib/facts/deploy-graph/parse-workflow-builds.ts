import { LineCounter, parseDocument } from "yaml";
import { checkYamlDepth } from "@/lib/facts/check-yaml-depth";
import { join } from "@/lib/facts/deploy-graph/parse-skaffold";
import type { ImageBuild } from "@/lib/facts/deploy-graph/types";
import { expandShellScript } from "@/lib/facts/deploy-graph/expand-shell-script";

/** A `docker build` as a CI step or script runs it. */
interface CommandBuild {
  context: string;
  dockerfile: string | null;
  tag: string | null;
  args: Record<string, string>;
  line: number | null;
}

// A script calling a script calling a script is as deep as build tooling goes; deeper is a loop.
const MAX_SCRIPT_DEPTH = 3;

/**
 * The images a CI workflow builds: `docker build`/`docker buildx build`/`podman build` in a `run:` step (its
 * `-f` Dockerfile, `-t` tag, `--build-arg`s and context), `docker/build-push-action` (`with: context, file,
 * tags`) in GitHub Actions, and Cloud Build `docker build` steps. A step that runs a script of the repository
 * (`run: ./scripts/build.sh cart`, Cloud Build `entrypoint: ./scripts/build-docker.sh` with `args`) is
 * followed into the script (`scripts`, by repository path) with its arguments. A `${{ matrix.x }}` in a path
 * is expanded when the job's matrix lists plain values for it; other expressions leave the build out (its
 * context cannot be known). Never throws.
 */
export function parseWorkflowBuilds(opts: { path: string; text: string; scripts?: ReadonlyMap<string, string> }): ImageBuild[] {
  const lines = new LineCounter();
  let root: Record<string, unknown> | null;
  if (checkYamlDepth({ text: opts.text })) return [];
  try {
    root = record(parseDocument(opts.text, { lineCounter: lines }).toJS({ maxAliasCount: 50 }));
  } catch {
    return [];
  }
  if (!root) return [];
  const scripts = opts.scripts ?? new Map<string, string>();
  const builds: ImageBuild[] = [];
  const lineOf = (needle: string) => {
    const at = opts.text.indexOf(needle);
    return at >= 0 ? lines.linePos(at).line : 1;
  };
  const add = (b: Omit<CommandBuild, "line">, matrix: Record<string, string[]>, at: { path: string; line: number }) => {
    for (const values of expand(matrix, `${b.context}|${b.dockerfile ?? ""}|${b.tag ?? ""}`)) {
      const [context = "", dockerfile = "", tag = ""] = values.split("|");
      if (/\$\{\{|\$\(|\$\{?\w/.test(`${context}${dockerfile}`)) continue;
      const ctx = join("", context);
      const args = Object.fromEntries(Object.entries(b.args).filter(([, v]) => !v.includes("$")));
      builds.push({
        context: ctx,
        dockerfile: dockerfile ? join("", dockerfile) : join(ctx, "Dockerfile"),
        image: tag && !/\$\{\{/.test(tag) && !tag.includes("$") ? tag : null,
        name: null,
        via: "workflow",
        at,
        ...(Object.keys(args).length > 0 ? { args } : {}),
      });
    }
  };
  const fromCommands = (text: string, args: string[], needle: string) => {
    // `${{ github.sha }}` is one word to the shell once Actions has substituted it.
    const joined = text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, "$${{$1}}");
    for (const b of commandBuilds({ text: joined, args, scripts, depth: 0, path: opts.path }))
      add(b, {}, b.line === null ? { path: opts.path, line: lineOf(needle) } : { path: b.path, line: b.line });
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
        add({ context, dockerfile: typeof w.file === "string" ? w.file : null, tag: firstTag(w.tags), args: {} }, matrix, {
          path: opts.path,
          line: lineOf(step.uses),
        });
      }
      // Expand the matrix before splitting the command into arguments: `${{ matrix.svc }}` holds spaces.
      if (typeof step.run === "string") for (const script of expand(matrix, step.run)) fromCommands(script, [], "docker");
    }
  }
  // Cloud Build: steps: [{ name: gcr.io/cloud-builders/docker, args: [build, -t, X, ctx] }] or a script entrypoint.
  for (const step of list(root.steps).map(record)) {
    if (!step || !Array.isArray(step.args)) continue;
    const args = step.args.map(String);
    if (typeof step.entrypoint === "string" && scripts.has(join("", step.entrypoint)))
      fromCommands(shellQuote([step.entrypoint, ...args]), [], step.entrypoint);
    else if (String(step.name ?? "").includes("docker")) fromCommands(shellQuote(["docker", ...args]), [], String(args[0] ?? "build"));
  }
  return builds;
}

/**
 * The `docker build` commands a shell text runs (positional `args` bound), following calls to the repository's
 * own scripts. A build found in a script carries the script's path and line.
 */
function commandBuilds(opts: {
  text: string;
  args: string[];
  scripts: ReadonlyMap<string, string>;
  depth: number;
  path: string;
}): (CommandBuild & { path: string })[] {
  const out: (CommandBuild & { path: string })[] = [];
  for (const { line, words } of expandShellScript({ text: opts.text, args: opts.args })) {
    const build = dockerBuild(words);
    if (build) {
      out.push({ ...build, line: opts.depth === 0 ? null : line, path: opts.path });
      continue;
    }
    // `./scripts/build.sh cart`, `bash scripts/build.sh cart`, `sh -e scripts/build.sh`
    const at = /^(ba|z|da)?sh$/.test(words[0] ?? "") ? words.findIndex((w, i) => i > 0 && !w.startsWith("-")) : 0;
    const script = at >= 0 ? join("", words[at] ?? "") : "";
    const text = opts.scripts.get(script);
    if (text !== undefined && opts.depth < MAX_SCRIPT_DEPTH)
      out.push(...commandBuilds({ text, args: words.slice(at + 1), scripts: opts.scripts, depth: opts.depth + 1, path: script }));
  }
  return out;
}

/** A `docker build` / `docker buildx build` / `podman build` command's Dockerfile, tag, build args and context. */
function dockerBuild(words: string[]): Omit<CommandBuild, "line"> | null {
  const at = words.findIndex(
    (w, i) => /^(docker|podman)$/.test(w) && (words[i + 1] === "build" || (words[i + 1] === "buildx" && words[i + 2] === "build")),
  );
  if (at < 0) return null;
  const args = words.slice(at + (words[at + 1] === "buildx" ? 3 : 2));
  let dockerfile: string | null = null;
  let tag: string | null = null;
  const buildArgs: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => (a.startsWith("--") && a.includes("=") ? a.slice(a.indexOf("=") + 1) : (args[++i] ?? ""));
    if (a === "-f" || a.startsWith("--file")) dockerfile = value();
    else if (a === "-t" || a.startsWith("--tag")) tag ??= value();
    else if (a.startsWith("--build-arg")) {
      const [key, ...rest] = value().split("=");
      if (key && rest.length > 0) buildArgs[key] = rest.join("=");
    } else if (
      /^--(platform|target|label|cache-from|cache-to|secret|ssh|output|builder|progress|network|iidfile|metadata-file|build-context)\b/.test(
        a,
      ) ||
      a === "-o"
    ) {
      if (!a.includes("=")) i++;
    } else if (!a.startsWith("-")) positional.push(a);
  }
  const context = positional.at(-1);
  return context ? { context, dockerfile, tag, args: buildArgs } : null;
}

/** Words back into one shell line, each quoted as needed. */
function shellQuote(words: string[]): string {
  return words.map((w) => (/^[\w./:@=-]+$/.test(w) ? w : `'${w.replace(/'/g, "")}'`)).join(" ");
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

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
