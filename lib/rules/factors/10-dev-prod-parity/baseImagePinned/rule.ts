import { composeImageEvidence, resolveComposeValue } from "@/lib/rules/helpers/compose";
import { isStageReference } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isBuildReference, isPinnedImage, skaffoldArtifacts } from "@/lib/rules/helpers/images";
import { allContainers, containerEvidence, podSpec } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DockerfileFacts, ServiceFacts } from "@/lib/facts/types";

export const rule: RepositoryCheck = {
  id: "baseImagePinned",
  version: 2,
  factor: "dev-prod-parity",
  title: "Images are pinned to a specific version (or digest), never latest",
  rationale:
    "`latest`, no tag and bare variant tags (`node:alpine`, `nginx:stable-alpine`) move: a laptop, CI and production " +
    "pull different images from the same file, so what was tested is not what runs. A version tag (`node:20`, " +
    "`python:3.12-slim`, `debian:bookworm-slim`) pins the release line (`python:3` and `golang:1` do not); a " +
    "digest pins the bytes.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  evaluate(facts) {
    const checked = { count: 0 };
    const found = [...dockerfileImages(facts, checked), ...manifestImages(facts, checked), ...composeImages(facts, checked)];
    if (checked.count === 0) return notApplicable("No Dockerfile, manifest or compose image.");
    if (found.length > 0) {
      const images = [...new Set(found.map((f) => f.image))];
      return fail(
        `Images float on latest, no tag or a tag that names no version (${plural(found.length, "reference")}): ${images.join(", ")}.`,
        found.map((f) => f.evidence),
      );
    }
    return pass(`Every image is pinned to a version (${plural(checked.count, "reference")}).`);
  },
};

/**
 * Pinned: a digest, or a tag that names a release (lib/rules/helpers/images.ts `isVersionedTag`). Variables
 * (`${NODE_VERSION}`) are trusted: their value is elsewhere.
 */
export function isPinned(image: string): boolean {
  return isPinnedImage(image);
}

// `COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/`: an image pulled into the build like a FROM.
const COPY_FROM = /(?:^|\s)--from=["']?([^\s"']+)/;

/** An unpinned image and where it is written. */
interface Floating {
  image: string;
  evidence: RepoEvidence;
}

function dockerfileImages(facts: ServiceFacts, checked: { count: number }): Floating[] {
  const found: Floating[] = [];
  for (const df of facts.dockerfiles) {
    for (const stage of df.stages.filter((s) => !isStageReference(df, s))) {
      checked.count += 1;
      if (isPinned(stage.image)) continue;
      found.push({
        image: stage.image,
        evidence: pathEvidence({ facts, path: df.path, line: stage.line, snippet: `FROM ${stage.image}` }),
      });
    }
    for (const i of df.instructions.filter((i) => i.keyword === "COPY" || i.keyword === "ADD")) {
      const image = COPY_FROM.exec(i.args)?.[1];
      if (!image || isStageName(df, image, i.stage)) continue;
      checked.count += 1;
      if (isPinned(image)) continue;
      found.push({ image, evidence: pathEvidence({ facts, path: df.path, line: i.lineStart, snippet: `${i.keyword} ${i.args}` }) });
    }
  }
  return found;
}

/** `--from=builder` or `--from=0`: an earlier stage of the same Dockerfile, not an image. */
function isStageName(df: DockerfileFacts, name: string, before: number): boolean {
  if (/^\d+$/.test(name)) return true;
  return df.stages.some((s) => s.index <= before && s.alias?.toLowerCase() === name.toLowerCase());
}

function manifestImages(facts: ServiceFacts, checked: { count: number }): Floating[] {
  const found: Floating[] = [];
  const seen = new Set<string>();
  const artifacts = skaffoldArtifacts(facts);
  const names = [facts.service.name];
  for (const m of facts.manifests.filter((m) => podSpec(m))) {
    for (const c of allContainers(m)) {
      if (typeof c.image !== "string") continue;
      // `image: cartservice` in a skaffold project is the build's artifact, deployed as tag@digest.
      if (isBuildReference(c.image, { names: [...names, m.name], artifacts })) continue;
      checked.count += 1;
      if (isPinned(c.image)) continue;
      const evidence = containerEvidence(facts, m, c, /^\s*image:/);
      const where = `${evidence.path}:${evidence.lineStart}`;
      if (seen.has(where)) continue;
      seen.add(where);
      found.push({ image: c.image, evidence });
    }
  }
  return found;
}

function composeImages(facts: ServiceFacts, checked: { count: number }): Floating[] {
  const found: Floating[] = [];
  for (const compose of facts.compose) {
    for (const s of compose.services.filter((s) => s.image && !s.build)) {
      checked.count += 1;
      // Unresolved variables (`${TAG}` set by CI) are trusted: the version is chosen outside the repository.
      const image = resolveComposeValue(facts, compose, s.image ?? "") ?? s.image ?? "";
      if (!isPinned(image)) found.push({ image, evidence: composeImageEvidence(facts, compose, s) });
    }
  }
  return found;
}
