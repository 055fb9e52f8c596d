import { detectLanguage } from "@/lib/facts/detect-language";
import type { Language } from "@/lib/facts/types";
import { toGuideLanguage } from "@/lib/guides/guide-languages";
import type { Evidence } from "@/lib/rules/types";

/**
 * The languages a finding's guide should speak, best first: the languages of the files its evidence points at
 * (a hard-coded port in `BillingServer.java` wants the Java example), then the service's own languages, most
 * source files first (`facts.service.languages`; evidence in a Dockerfile or a manifest says nothing about the
 * code). Empty when neither is known, and the guide then shows every language it has.
 */
export function pickGuideLanguages(opts: { evidence: readonly Evidence[]; languages?: readonly string[] }): Language[] {
  const fromEvidence = opts.evidence.flatMap((e) => {
    const language = e.type === "repo" ? detectLanguage({ path: e.path }) : null;
    return language ? [language] : [];
  });
  const fromService = (opts.languages ?? []).flatMap((name) => {
    const language = toGuideLanguage(name);
    return language ? [language] : [];
  });
  return [...new Set([...fromEvidence, ...fromService])];
}
