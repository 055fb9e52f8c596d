import { posix } from "node:path";
import type { ComposeFacts, ComposeService, ServiceFacts } from "@/lib/facts/types";

/** The compose service whose entry holds `line` (the last one starting at or before it), if any. */
export function composeServiceAt(compose: ComposeFacts, line: number): ComposeService | undefined {
  let found: ComposeService | undefined;
  for (const s of compose.services) if (s.line <= line && (!found || s.line > found.line)) found = s;
  return found;
}

/**
 * Whether this compose entry runs the audited service: the deployment graph says so, or it builds the
 * service's folder. The other entries of a developer's compose file (the broker, the database, a sibling
 * service) run something else, with credentials of their own.
 */
export function deploysService(facts: ServiceFacts, compose: ComposeFacts, entry: ComposeService): boolean {
  if (facts.deployedBy.some((d) => d.descriptor === "compose" && d.path === compose.path && d.line === entry.line)) return true;
  if (!entry.build) return false;
  const dir = compose.path.includes("/") ? compose.path.slice(0, compose.path.lastIndexOf("/")) : ".";
  return folder(posix.join(dir, entry.buildContext ?? ".")) === folder(facts.service.path);
}

function folder(path: string): string {
  return posix.normalize(path).replace(/\/+$/, "") || ".";
}
