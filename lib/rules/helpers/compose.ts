import { lineEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { ComposeFacts, ComposeService, RepoEvidence, ServiceFacts } from "@/lib/rules/types";

/** Evidence at a compose service's `image:` line (or its name line when the text is not available). */
export function composeImageEvidence(facts: ServiceFacts, compose: ComposeFacts, service: ComposeService): RepoEvidence {
  const file = facts.textFiles.find((f) => f.path === compose.path);
  if (file) {
    for (let line = service.line; line <= Math.min(file.lines.length, service.line + 30); line++) {
      if (/^\s*image:/.test(file.lines[line - 1] ?? "")) return lineEvidence({ file, lineStart: line });
    }
  }
  return pathEvidence({ facts, path: compose.path, line: service.line, snippet: `${service.name}: image ${service.image ?? ""}` });
}

/** `postgres` from `docker.io/library/postgres:16.3-alpine@sha256:...`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split("@")[0] ?? image;
  const name = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  return name.split(":")[0] ?? name;
}

/** `16` from `postgres:16.3-alpine`; null when the tag names no version. */
export function imageMajorVersion(image: string): string | null {
  const withoutDigest = image.split("@")[0] ?? image;
  const name = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : "";
  return /^v?(\d+)/.exec(tag)?.[1] ?? null;
}
