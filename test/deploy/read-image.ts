import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDockerfile } from "@/lib/facts/parse-dockerfile";
import type { DockerfileFacts, DockerInstruction, DockerStage } from "@/lib/facts/types";
import { ROOT } from "@/lib/ops/bin-path";

/** A COPY or ADD of the final stage: from another stage (`from`), the build context (null) or a URL. */
export interface ImageCopy {
  keyword: "COPY" | "ADD";
  from: string | null;
  sources: string[];
  /** Absolute, resolved against the stage's WORKDIR. */
  dest: string;
  flags: Record<string, string>;
}

/** What the Dockerfile's final stage is: what `docker run IMAGE` starts, as whom, with which files. */
export interface ImageSpec {
  dockerfile: DockerfileFacts;
  runtime: DockerStage;
  /** Stages built from an image (not from an earlier stage). */
  bases: DockerStage[];
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  entrypoint: DockerInstruction | undefined;
  cmd: DockerInstruction | undefined;
  copies: ImageCopy[];
}

/** Process types bin/dozen-process knows, each with the command its branch execs. */
export interface ProcessType {
  name: string;
  exec: string;
}

/** Reads the repository's Dockerfile with Dozen's own parser (lib/facts/parse-dockerfile.ts). */
export function readImage(): ImageSpec {
  const text = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const { dockerfile, problems } = parseDockerfile({ path: "Dockerfile", lines: text.split("\n") });
  if (problems.length) throw new Error(`Dockerfile: ${problems.join("; ")}`);
  const runtime = dockerfile.stages.at(-1);
  if (!runtime) throw new Error("Dockerfile: no FROM");
  // The final stage inherits WORKDIR, ENV and USER from the stages it is built FROM.
  const chain = stageChain(dockerfile, runtime);
  const instructions = dockerfile.instructions.filter((i) => chain.includes(i.stage)).sort((a, b) => a.lineStart - b.lineStart);
  let workdir = "/";
  const env: Record<string, string> = {};
  let user: string | null = null;
  const copies: ImageCopy[] = [];
  for (const i of instructions) {
    if (i.keyword === "WORKDIR") workdir = path.posix.resolve(workdir, i.args.trim());
    if (i.keyword === "ENV") Object.assign(env, parseEnvArgs(i.args));
    if (i.keyword === "USER") user = i.args.trim();
    if ((i.keyword === "COPY" || i.keyword === "ADD") && i.stage === runtime.index) copies.push(readCopy(i, workdir));
  }
  const own = dockerfile.instructions.filter((i) => i.stage === runtime.index);
  return {
    dockerfile,
    runtime,
    bases: dockerfile.stages.filter((s) => !dockerfile.stages.some((t) => t.index < s.index && t.alias === s.image)),
    workdir,
    env,
    user,
    entrypoint: own.filter((i) => i.keyword === "ENTRYPOINT").at(-1),
    cmd: own.filter((i) => i.keyword === "CMD").at(-1),
    copies,
  };
}

/** The case branches of bin/dozen-process: `  web)` … `exec node …`. */
export function readProcessTypes(): ProcessType[] {
  const lines = readFileSync(path.join(ROOT, "bin/dozen-process"), "utf8").split("\n");
  const types: ProcessType[] = [];
  let current: string | null = null;
  for (const line of lines) {
    const branch = /^ {2}([a-z][a-z-]*)\)$/.exec(line);
    if (branch?.[1]) current = branch[1];
    const exec = /^\s+exec (.+)$/.exec(line);
    if (current && exec?.[1]) {
      types.push({ name: current, exec: exec[1].trim() });
      current = null;
    }
  }
  return types;
}

/** Indexes of the stage and of the earlier stages it is built FROM, base first. */
function stageChain(df: DockerfileFacts, stage: DockerStage): number[] {
  const parent = df.stages.find((s) => s.index < stage.index && s.alias === stage.image);
  return parent ? [...stageChain(df, parent), stage.index] : [stage.index];
}

/** `ENV A=1 B="two words"` (the legacy `ENV A 1` form too). */
function parseEnvArgs(args: string): Record<string, string> {
  if (!/^\S+=/.test(args.trim())) {
    const [name, ...value] = args.trim().split(/\s+/);
    return name ? { [name]: value.join(" ") } : {};
  }
  const out: Record<string, string> = {};
  for (const m of args.matchAll(/([A-Za-z_]\w*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g)) {
    if (m[1]) out[m[1]] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return out;
}

function readCopy(i: DockerInstruction, workdir: string): ImageCopy {
  const words = i.form === "exec" ? i.argv : i.args.split(/\s+/).filter(Boolean);
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (const w of words) {
    const flag = /^--([a-z-]+)(?:=(.*))?$/.exec(w);
    if (flag?.[1]) flags[flag[1]] = flag[2] ?? "";
    else rest.push(w);
  }
  const dest = rest.pop() ?? ".";
  return {
    keyword: i.keyword as "COPY" | "ADD",
    from: flags.from ?? null,
    sources: rest,
    dest: path.posix.resolve(workdir, dest) + (dest.endsWith("/") ? "/" : ""),
    flags,
  };
}
