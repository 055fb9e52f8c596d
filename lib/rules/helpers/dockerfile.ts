import type { DockerfileFacts, DockerInstruction, DockerStage } from "@/lib/facts/types";

/** The stage that becomes the image: the last FROM. */
export function finalStage(df: DockerfileFacts): DockerStage | undefined {
  return df.stages.at(-1);
}

/** Instructions of the final stage, in order. */
export function finalStageInstructions(df: DockerfileFacts): DockerInstruction[] {
  const stage = finalStage(df);
  return stage ? df.instructions.filter((i) => i.stage === stage.index) : [];
}

/**
 * The instruction of a kind (USER, CMD, ENTRYPOINT...) in effect in the final image: the last one in the final
 * stage, else in the stage it is built `FROM <alias>`, and so on, since a stage inherits its parent's settings.
 */
export function inEffect(df: DockerfileFacts, keyword: string): DockerInstruction | undefined {
  let stage = finalStage(df);
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    const index = stage.index;
    const last = df.instructions.filter((i) => i.stage === index && i.keyword === keyword).at(-1);
    if (last) return last;
    const parent = stage.image.toLowerCase();
    stage = df.stages.find((s) => s.alias !== null && s.alias.toLowerCase() === parent);
  }
  return undefined;
}

/** The ENTRYPOINT and CMD the image runs with, in file order. */
export function startInstructions(df: DockerfileFacts): DockerInstruction[] {
  return [inEffect(df, "ENTRYPOINT"), inEffect(df, "CMD")]
    .filter((i): i is DockerInstruction => i !== undefined)
    .sort((a, b) => a.lineStart - b.lineStart);
}

/** Stage aliases, so `FROM builder` is not mistaken for an image pulled from a registry. */
export function isStageReference(df: DockerfileFacts, stage: DockerStage): boolean {
  const image = stage.image.toLowerCase();
  return image === "scratch" || df.stages.some((s) => s.index < stage.index && s.alias?.toLowerCase() === image);
}

/** Script files a start command runs (`./docker-entrypoint.sh`, `sh scripts/start.sh`), by base name. */
export function scriptNames(commands: string[]): string[] {
  const names = new Set<string>();
  for (const command of commands) {
    for (const token of command.split(/[\s;&|"']+/)) {
      if (/\.(sh|bash)$/.test(token)) names.add(token.slice(token.lastIndexOf("/") + 1).toLowerCase());
    }
  }
  return [...names];
}
