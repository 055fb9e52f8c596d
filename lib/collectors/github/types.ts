/** A repository as discovery saw it in the owner's listing. */
export interface RepoSummary {
  /** owner/name as GitHub spells it. */
  fullName: string;
  defaultBranch: string;
  htmlUrl: string;
  archived: boolean;
  fork: boolean;
  topics: string[];
}

/** The listing's pages as last seen, so an unchanged listing costs only 304s (which GitHub does not count). */
export interface ListingCache {
  pages: { etag: string; repos: RepoSummary[] }[];
}
