/** A piece of evidence as a finding card lists it: where, linked when the source has a web URL. */
export interface ShownEvidence {
  /** `path:line` or `path:start-end` in the repository, or `cluster/namespace/Kind/name · field`. */
  location: string;
  url?: string;
}

/**
 * Where a finding was seen, one line each: file and lines, or a cluster object and field. The code itself
 * is shown, highlighted, in the guide's "Where" when the finding is opened (it used to be in every card,
 * which made a failing service's page several times larger). Styled by the card (`.finding > ul`).
 */
export function EvidenceList({ evidence }: { evidence: readonly ShownEvidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul>
      {evidence.map((e, i) => (
        <li key={i} data-testid="evidence-location">
          {e.url ? <a href={e.url}>{e.location}</a> : e.location}
        </li>
      ))}
    </ul>
  );
}
