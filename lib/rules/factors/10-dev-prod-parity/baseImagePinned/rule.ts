import { composeImageEvidence } from "@/lib/rules/helpers/compose";
import { isStageReference } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { containers, manifestEvidence, objects, podSpec } from "@/lib/rules/helpers/manifests";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

export const rule: RepositoryCheck = {
  id: "baseImagePinned",
  version: 1,
  factor: "dev-prod-parity",
  title: "Images are pinned to a specific version (or digest), never latest",
  rationale:
    "`latest` and bare tags (`node:alpine`) move: a laptop, CI and production pull different images from the same " +
    "file, so what was tested is not what runs. Pin a version tag, ideally with its digest.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  evaluate(facts) {
    const checked = { count: 0 };
    const evidence = [...dockerfileImages(facts, checked), ...manifestImages(facts, checked), ...composeImages(facts, checked)];
    if (checked.count === 0) return notApplicable("No Dockerfile, manifest or compose image.");
    if (evidence.length > 0)
      return fail(`Images float on latest or an unversioned tag (${plural(evidence.length, "reference")}).`, evidence);
    return pass(`Every image is pinned to a version (${plural(checked.count, "reference")}).`);
  },
};

/**
 * Pinned: a digest, a commit-SHA tag, or a tag starting with major.minor (`node:20.15-alpine`, `postgres:16.3`). `node:20` and
 * `python:3-slim` float across releases. Variables (`${NODE_VERSION}`) are trusted: their value is elsewhere.
 */
export function isPinned(image: string): boolean {
  if (image.includes("$")) return true;
  if (image.includes("@sha256:")) return true;
  const name = image.slice(image.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : null;
  // `20-alpine3.20` floats node's minor version even though alpine's is pinned: judge the start of the tag.
  // A commit-SHA tag (`3f2a9c1`, `sha-3f2a9c1`) is immutable by convention.
  return tag !== null && (/^v?\d+\.\d+/.test(tag) || /(^|[-_])[0-9a-f]{7,40}$/.test(tag));
}

function dockerfileImages(facts: ServiceFacts, checked: { count: number }): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const df of facts.dockerfiles) {
    for (const stage of df.stages.filter((s) => !isStageReference(df, s))) {
      checked.count += 1;
      if (!isPinned(stage.image)) found.push(pathEvidence({ facts, path: df.path, line: stage.line, snippet: `FROM ${stage.image}` }));
    }
  }
  return found;
}

function manifestImages(facts: ServiceFacts, checked: { count: number }): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const m of facts.manifests.filter((m) => podSpec(m))) {
    for (const c of [...containers(m), ...objects(podSpec(m)?.initContainers)]) {
      if (typeof c.image !== "string") continue;
      checked.count += 1;
      if (!isPinned(c.image)) found.push(manifestEvidence(facts, m, new RegExp(`image:\\s*["']?${escapeRegExp(c.image)}`)));
    }
  }
  return found;
}

function composeImages(facts: ServiceFacts, checked: { count: number }): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const compose of facts.compose) {
    for (const s of compose.services.filter((s) => s.image && !s.build)) {
      checked.count += 1;
      if (!isPinned(s.image ?? "")) found.push(composeImageEvidence(facts, compose, s));
    }
  }
  return found;
}
