"use client";

import { FindingCard, type FindingCardData } from "@/components/service/finding-card";

/** One factor's findings, as the service page lists them under the factor's heading. */
export interface FindingGroup {
  /** The factor's id: the anchor `#factor-<id>` its tile links to. */
  id: string;
  heading: string;
  findings: FindingCardData[];
}

/**
 * The service page's findings, factor by factor: one client component taking plain data, so the page's
 * React payload holds each finding once as data (its markup is rendered from it, on the server for the
 * HTML and in the browser to hydrate), never its guide.
 */
export function FindingGroups({ groups, slug, canExempt }: { groups: FindingGroup[]; slug: string; canExempt?: boolean }) {
  return groups.map((group) => (
    <div key={group.id} id={`factor-${group.id}`}>
      <h3 className="mb-2 font-semibold">{group.heading}</h3>
      <ul className="findings">
        {group.findings.map((finding) => (
          <FindingCard key={`${finding.cluster ? "c" : "r"}-${finding.ruleId}`} finding={finding} slug={slug} canExempt={canExempt} />
        ))}
      </ul>
    </div>
  ));
}
