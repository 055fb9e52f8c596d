import { LineCounter, parseAllDocuments } from "yaml";
import { checkYamlDepth } from "@/lib/facts/check-yaml-depth";
import type { ImageBuild } from "@/lib/facts/deploy-graph/types";

/**
 * The images a skaffold.yaml builds (`build.artifacts`, in every config document and profile): each with its
 * context and Dockerfile (relative to the file's directory), or Jib/Buildpacks/ko when it builds without one.
 * Its `image` is a build reference that deploy manifests name, not a tag. Never throws.
 */
export function parseSkaffold(opts: { path: string; text: string }): ImageBuild[] {
  const dir = opts.path.includes("/") ? opts.path.slice(0, opts.path.lastIndexOf("/")) : "";
  const lines = new LineCounter();
  if (checkYamlDepth({ text: opts.text })) return [];
  let docs;
  try {
    docs = parseAllDocuments(opts.text, { lineCounter: lines });
  } catch {
    return [];
  }
  const builds: ImageBuild[] = [];
  const seen = new Set<string>();
  for (const doc of Array.isArray(docs) ? docs : []) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch {
      continue;
    }
    const root = record(value);
    const builds_ = [record(root?.build), ...list(root?.profiles).map((p) => record(record(p)?.build))];
    for (const build of builds_) {
      for (const a of list(build?.artifacts)) {
        const artifact = record(a);
        const image = typeof artifact?.image === "string" ? artifact.image : null;
        if (!artifact || !image) continue;
        const context = join(dir, typeof artifact.context === "string" ? artifact.context : ".");
        const docker = record(artifact.docker);
        const via = artifact.jib ? "jib" : artifact.buildpacks ? "buildpacks" : artifact.ko ? "ko" : "skaffold";
        const dockerfile =
          via === "skaffold" ? join(context, typeof docker?.dockerfile === "string" ? docker.dockerfile : "Dockerfile") : null;
        const key = `${image}|${context}|${dockerfile}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const offset = opts.text.indexOf(`image: ${image}`);
        builds.push({
          context,
          dockerfile,
          image,
          name: image.split("/").at(-1) ?? image,
          via,
          at: { path: opts.path, line: offset >= 0 ? lines.linePos(offset).line : 1 },
        });
      }
    }
  }
  return builds;
}

/** Joins relative paths the way a descriptor means them, normalised ("" for the root). */
export function join(dir: string, rel: string): string {
  const parts = (rel.startsWith("/") ? [] : dir.split("/")).concat(rel.split("/")).filter((p) => p !== "" && p !== ".");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
