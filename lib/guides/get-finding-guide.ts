import { NotFoundError } from "@/lib/errors";
import { renderGuide } from "@/lib/guides/render-guide";
import { renderGuideHtml } from "@/lib/guides/render-guide-html";
import { getServiceFinding } from "@/lib/services/get-service-finding";

/** A finding's remediation guide, as markdown and as the HTML the service page shows. */
export interface FindingGuide {
  ruleId: string;
  origin: "repository" | "cluster";
  markdown: string;
  html: string;
}

/**
 * The guide of a service's latest finding of one check, filled from its evidence and in the code's language
 * (renderGuide), rendered to highlighted HTML once per distinct guide (renderGuideHtml's cache). What the
 * service page loads when someone opens "How to fix"; NotFoundError when the service, its finding or a guide
 * for the check (a custom check has none) does not exist.
 */
export async function getFindingGuide(opts: { slug: string; ruleId: string; origin: "repository" | "cluster" }): Promise<FindingGuide> {
  const finding = await getServiceFinding(opts);
  if (!finding) throw new NotFoundError(`service "${opts.slug}" has no ${opts.origin} finding of check "${opts.ruleId}"`);
  const markdown = renderGuide({ ruleId: finding.ruleId, evidence: finding.evidence, languages: finding.languages });
  if (markdown === null) throw new NotFoundError(`check "${opts.ruleId}" has no remediation guide`);
  return { ruleId: finding.ruleId, origin: opts.origin, markdown, html: renderGuideHtml({ markdown }) };
}
