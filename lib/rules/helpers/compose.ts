import { searchEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ComposeFacts, ComposeService, ServiceFacts } from "@/lib/facts/types";

/** Evidence at a compose service's `image:` line (or its name line when the text is not available). */
export function composeImageEvidence(facts: ServiceFacts, compose: ComposeFacts, service: ComposeService): RepoEvidence {
  const fallback = { line: service.line, snippet: `${service.name}: image ${service.image ?? ""}` };
  // A service's keys follow its name line; 30 lines is more than any real service block before `image:`.
  return searchEvidence({ facts, path: compose.path, pattern: /^\s*image:/, from: service.line, to: service.line + 30, fallback });
}
