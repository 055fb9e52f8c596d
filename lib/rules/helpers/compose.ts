import { searchEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ComposeFacts, ComposeService, ServiceFacts } from "@/lib/facts/types";

/** Evidence at a compose service's `image:` line (or its name line when the text is not available). */
export function composeImageEvidence(facts: ServiceFacts, compose: ComposeFacts, service: ComposeService): RepoEvidence {
  const fallback = { line: service.line, snippet: `${service.name}: image ${service.image ?? ""}` };
  // A service's keys follow its name line; 30 lines is more than any real service block before `image:`.
  return searchEvidence({ facts, path: compose.path, pattern: /^\s*image:/, from: service.line, to: service.line + 30, fallback });
}

/**
 * A compose value with its variables filled from the `.env` beside the compose file, as `docker compose` does
 * (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR`); null when a variable stays unknown (set by the
 * shell or CI, so the value is not in the repository). Values the collector already interpolated pass through.
 */
export function resolveComposeValue(facts: ServiceFacts, compose: ComposeFacts, value: string): string | null {
  if (!value.includes("$")) return value;
  const dir = compose.path.includes("/") ? compose.path.slice(0, compose.path.lastIndexOf("/") + 1) : "";
  const dotenv = facts.textFiles.find((f) => f.path === `${dir}.env`);
  const vars = new Map<string, string>();
  for (const line of dotenv?.lines ?? []) {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*)$/.exec(line);
    if (m) vars.set(m[1]!, m[2]!.trim().replace(/^(["'])(.*)\1$/, "$2"));
  }
  let unknown = false;
  const resolved = value.replace(
    /\$\{([A-Za-z_]\w*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (whole, name: string | undefined, op: string | undefined, fallback: string | undefined, bare: string | undefined) => {
      const found = vars.get(name ?? bare ?? "");
      if (found !== undefined && !(op === ":-" && found === "")) return found;
      if (op) return fallback ?? "";
      unknown = true;
      return whole;
    },
  );
  return unknown || resolved.includes("$") ? null : resolved;
}
