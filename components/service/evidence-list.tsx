/** A piece of evidence as a finding card lists it: where, linked when the source has a web URL, and its code. */
export interface ShownEvidence {
  /** `path:line` or `path:start-end` in the repository, or `cluster/namespace/Kind/name · field`. */
  location: string;
  url?: string;
  /** The lines themselves (at most 3 of 200 characters, redacted), as plain text. */
  snippet?: string;
}

/**
 * Where a finding was seen: file and lines, or a cluster object and field, each with its own lines when the
 * finding was seen in several places (plain, in the page from the start; the guide, loaded when opened,
 * highlights the first place only). Styled by the card (`.findings > li > ul`).
 */
export function EvidenceList({ evidence, more }: { evidence: readonly ShownEvidence[]; more?: number }) {
  if (evidence.length === 0) return null;
  return (
    <ul>
      {evidence.map((e, i) => (
        <li key={i}>
          <span data-testid="evidence-location">{e.url ? <a href={e.url}>{e.location}</a> : e.location}</span>
          {e.snippet ? <pre>{e.snippet}</pre> : null}
        </li>
      ))}
      {more ? <li data-testid="evidence-more">{`and ${more} more place${more === 1 ? "" : "s"} (all in the API)`}</li> : null}
    </ul>
  );
}
