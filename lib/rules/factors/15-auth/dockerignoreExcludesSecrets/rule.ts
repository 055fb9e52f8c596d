import { codeLines } from "@/lib/rules/helpers/code-lines";
import { finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { lineEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DockerInstruction, DockerfileFacts, ServiceFacts, TextFile } from "@/lib/facts/types";

// What a build context must never carry into a `COPY . .`.
const MUST_EXCLUDE = [".env", ".git"] as const;

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

/** `.dockerignore` semantics, enough for the question: the last matching pattern wins, `!` re-includes. */
function ignores(patterns: string[], path: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, "").replace(/^\*\*\//, "");
    const source = pattern
      .split("**")
      .map((part) =>
        part
          .split("*")
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
          .join("[^/]*"),
      )
      .join(".*");
    if (new RegExp(`^${source}(/.*)?$`).test(path)) ignored = !negated;
  }
  return ignored;
}

/** Source and destination arguments of a COPY/ADD (flags dropped). */
function copyArgs(i: DockerInstruction): string[] {
  return (i.form === "exec" ? i.argv : i.args.split(/\s+/)).filter((a) => a !== "" && !a.startsWith("--"));
}

const WHOLE_CONTEXT = (i: DockerInstruction) =>
  (i.keyword === "COPY" || i.keyword === "ADD") &&
  !/--from=/.test(i.args) &&
  copyArgs(i)
    .slice(0, -1)
    .some((s) => s === "." || s === "./");

/** Where a whole-context copy lands: its destination resolved against the stage's WORKDIR at that point. */
function landing(df: DockerfileFacts, copy: DockerInstruction): string {
  const workdir =
    df.instructions
      .filter((i) => i.stage === copy.stage && i.keyword === "WORKDIR" && i.lineStart < copy.lineStart)
      .at(-1)
      ?.args.trim() ?? "/";
  const dest = copyArgs(copy).at(-1) ?? ".";
  const path = dest.startsWith("/") ? dest : `${workdir.replace(/\/+$/, "")}/${dest}`;
  return normalise(path);
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/**
 * COPY/ADD instructions of the final stage that send the whole build context (`COPY . .`, `COPY ./ /app/`), or
 * that take it whole from a builder stage (`COPY --from=builder /app .` after the builder's `COPY . .` into
 * /app). A builder's copy of the context stays out of the shipped image unless a later `COPY --from` picks it up.
 */
function copiesWholeContext(df: DockerfileFacts): DockerInstruction[] {
  return finalStageInstructions(df).filter((i) => {
    if (WHOLE_CONTEXT(i)) return true;
    const from = /--from=["']?([^\s"']+)/.exec(i.args)?.[1]?.toLowerCase();
    if (i.keyword !== "COPY" || !from) return false;
    const stage = df.stages.find((st) => st.alias?.toLowerCase() === from || String(st.index) === from);
    if (!stage) return false;
    const landed = df.instructions.filter((c) => c.stage === stage.index && WHOLE_CONTEXT(c)).map((c) => landing(df, c));
    const taken = copyArgs(i)
      .slice(0, -1)
      .map((src) => normalise(src));
    // Taking the folder the context landed in (or one above it) ships the whole context.
    return taken.some((src) => landed.some((dir) => dir === src || dir.startsWith(src === "/" ? "/" : `${src}/`)));
  });
}

function judge(facts: ServiceFacts, df: DockerfileFacts): RepoEvidence | null {
  const copy = copiesWholeContext(df)[0];
  if (!copy) return null;
  // The context is usually the Dockerfile's directory; Docker also reads <Dockerfile>.dockerignore beside it.
  const dir = dirOf(df.path);
  const candidates = [`${df.path}.dockerignore`, `${dir ? `${dir}/` : ""}.dockerignore`];
  const file: TextFile | undefined = candidates.map((p) => facts.textFiles.find((f) => f.path === p)).find((f) => f !== undefined);
  if (!file) return pathEvidence({ facts, path: df.path, line: copy.lineStart, snippet: `${copy.keyword} ${copy.args}` });
  const patterns = codeLines(file)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  // `.git` lives at the repository root: a context below it (the service's folder) cannot carry it.
  const mustExclude = dir === "" ? MUST_EXCLUDE : MUST_EXCLUDE.filter((p) => p !== ".git");
  return mustExclude.every((p) => ignores(patterns, p)) ? null : lineEvidence({ file, lineStart: 1 });
}

export const rule: RepositoryCheck = {
  id: "dockerignoreExcludesSecrets",
  version: 2,
  factor: "auth",
  title: "A .dockerignore keeps .env files and .git out of images that copy the whole build context",
  rationale:
    "`COPY . .` copies everything in the build context into a layer, including a developer's `.env` and the `.git` " +
    "history with every secret ever committed. A .dockerignore is the guard that makes `COPY . .` safe.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    const copying = facts.dockerfiles.filter((df) => copiesWholeContext(df).length > 0);
    if (copying.length === 0) return notApplicable("No Dockerfile copies the whole build context.");
    const evidence = copying.map((df) => judge(facts, df)).filter((e): e is RepoEvidence => e !== null);
    if (evidence.length > 0)
      return fail(`The build context may carry ${MUST_EXCLUDE.join(" and ")} into the image (no .dockerignore excluding them).`, evidence);
    return pass(`.dockerignore excludes ${MUST_EXCLUDE.join(" and ")}.`);
  },
};
