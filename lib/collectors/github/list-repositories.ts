import type { GitHubClient } from "@/lib/collectors/github/create-github-client";
import type { ListingCache, RepoSummary } from "@/lib/collectors/github/types";

const PER_PAGE = 100;

/**
 * Lists an organisation's (or user's) repositories page by page, sorted by name so pages stay stable. Each
 * page is asked for with the ETag it had last time: a 304 costs nothing and reuses the cached page.
 */
export async function listRepositories(opts: {
  client: GitHubClient;
  owner: string;
  ownerType: "org" | "user";
  cache?: ListingCache | null;
}): Promise<{ repos: RepoSummary[]; cache: ListingCache; pagesFetched: number; pagesNotModified: number }> {
  const cached = opts.cache?.pages ?? [];
  const pages: ListingCache["pages"] = [];
  let pagesFetched = 0;
  let pagesNotModified = 0;
  for (let page = 1; ; page++) {
    const previous = cached[page - 1];
    const route = opts.ownerType === "org" ? "GET /orgs/{owner}/repos" : "GET /users/{owner}/repos";
    try {
      const response = await opts.client.request(route, {
        owner: opts.owner,
        per_page: PER_PAGE,
        page,
        sort: "full_name",
        direction: "asc",
        type: opts.ownerType === "org" ? "all" : "owner",
        headers: previous ? { "if-none-match": previous.etag } : {},
      });
      pagesFetched++;
      const repos = (response.data as RawRepo[]).map(toSummary);
      pages.push({ etag: String(response.headers.etag ?? ""), repos });
      // A full last page is followed by one more: the empty page's ETag, cached, later proves for free that
      // no page was added (a 304 carries no Link header to say so).
      if (!/rel="next"/.test(String(response.headers.link ?? "")) && repos.length < PER_PAGE) break;
    } catch (error) {
      if ((error as { status?: number }).status !== 304 || !previous) throw error;
      pagesNotModified++;
      pages.push(previous);
      if (page >= cached.length) break;
    }
  }
  return { repos: pages.flatMap((p) => p.repos), cache: { pages }, pagesFetched, pagesNotModified };
}

interface RawRepo {
  full_name: string;
  default_branch?: string;
  html_url: string;
  archived?: boolean;
  fork: boolean;
  topics?: string[];
}

function toSummary(raw: RawRepo): RepoSummary {
  return {
    fullName: raw.full_name,
    defaultBranch: raw.default_branch ?? "main",
    htmlUrl: raw.html_url,
    archived: raw.archived ?? false,
    fork: raw.fork,
    topics: raw.topics ?? [],
  };
}
