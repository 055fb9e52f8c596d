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
