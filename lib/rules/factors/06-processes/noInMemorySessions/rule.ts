import { codeLines, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, lineEvidence, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { HTTP } from "@/lib/rules/helpers/kinds";

// Per-user state by name: sessions, logins, carts, baskets (module-level, so shared by every request).
const STATE = String.raw`\w*(?:[sS]essions?|[lL]ogins?|[cC]arts?|[bB]askets?)\w*`;
const JS = new RegExp(
  String.raw`\bnew\s+MemoryStore\b|\bsession\.MemoryStore\b|\brequire\(\s*["']memorystore["']|^(?:export\s+)?(?:const|let|var)\s+${STATE}\s*(?::\s*[^=]+)?=\s*(?:new\s+Map\b|\{\s*\}|\[\s*\])`,
);
/** In-process session stores and module-level session maps, per language. */
const IN_MEMORY = {
  javascript: JS,
  typescript: JS,
  python:
    /SESSION_TYPE\s*=\s*["'](filesystem|null)["']|SESSION_ENGINE\s*=\s*["']django\.contrib\.sessions\.backends\.(file|cache)["']|backends\.locmem\.LocMemCache|^\w*(sessions?|SESSIONS?|logins?|carts?|CARTS?|baskets?)\w*\s*(?::\s*[^=]+)?=\s*(\{\s*\}|dict\(\))/,
  go: new RegExp(
    String.raw`sessions\.NewFilesystemStore\(|\bmemstore\.New|^var\s+${STATE}\s*=\s*(map\[|make\(map)|\bsessions\s*(=|:=)\s*make\(map\[`,
  ),
  // Spring Security OAuth2's and Spring Authorization Server's in-memory token stores: a login's tokens.
  java: /static\s+(final\s+)?(Map|HashMap|ConcurrentHashMap)<[^>]*Session|\bMapSessionRepository\b|\bnew\s+(InMemoryTokenStore|InMemoryOAuth2AuthorizationService)\(/,
  kotlin:
    /\bMapSessionRepository\b|val\s+\w*[sS]essions?\s*=\s*(mutableMapOf|ConcurrentHashMap|HashMap)|\b(InMemoryTokenStore|InMemoryOAuth2AuthorizationService)\(/,
  // Blazor Server keeps each user's circuit (its components' state) in the process that opened it.
  csharp:
    /\bAddDistributedMemoryCache\(|static\s+(readonly\s+)?(Concurrent)?Dictionary<[^>]*Session|\.AddInteractiveServerComponents\(|\bAddServerSideBlazor\(|\.AddInMemoryPersistedGrants\(/,
  ruby: /session_store\s+:(memory_store|cache_store)\b/,
};

export const rule: RepositoryCheck = {
  id: "noInMemorySessions",
  version: 2,
  factor: "processes",
  title: "Sessions and per-user state are not kept in process memory",
  rationale:
    "Processes are stateless and share nothing: a session or cart held in one process's memory is lost on restart and " +
    "invisible to the other replicas, which forces sticky sessions and breaks scaling and deploys.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 6,
  kinds: HTTP,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const evidence = [
      ...findLineMatches({ facts, patterns: IN_MEMORY }).map((m) => matchEvidence(m)),
      ...storelessExpressSessions(facts),
      ...storelessIdentityServer(facts),
    ];
    if (evidence.length > 0) return fail(`Sessions kept in process memory (${plural(evidence.length, "place")}).`, evidence);
    if (!firstHttpEvidence(facts)) return notApplicable("Not an HTTP service, and no session store found.");
    return pass("No in-process session store found.");
  },
};

/** `session({ secret })` with no `store:` falls back to express-session's MemoryStore. */
function storelessExpressSessions(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const file of sourceFiles(facts)) {
    if (file.language !== "javascript" && file.language !== "typescript") continue;
    const text = codeLines(file);
    if (!text.some((l) => /express-session/.test(l))) continue;
    text.forEach((line, i) => {
      if (!/\bsession\(\s*\{/.test(line)) return;
      const call = text.slice(i, i + 15).join("\n");
      const end = call.indexOf("})");
      if (!/\bstore\s*:/.test(end === -1 ? call : call.slice(0, end))) found.push(lineEvidence({ file, lineStart: i + 1 }));
    });
  }
  return found;
}

/**
 * IdentityServer (Duende, IdentityServer4) without an operational store keeps its persisted grants (refresh
 * tokens, authorization codes, consents) in memory: lost on restart, not seen by other replicas.
 */
function storelessIdentityServer(facts: ServiceFacts): RepoEvidence[] {
  const files = sourceFiles(facts).filter((f) => f.language === "csharp");
  if (files.some((f) => codeLines(f).some((l) => /\.AddOperationalStore\b|\.AddPersistedGrantStore\b|\bIPersistedGrantStore\b/.test(l))))
    return [];
  return findLineMatches({ facts, files, patterns: /\.AddIdentityServer\(/ }).map((m) => matchEvidence(m));
}
