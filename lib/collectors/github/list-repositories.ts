import type { GitHubClient } from "@/lib/collectors/github/create-github-client";
import type { ListingCache, RepoSummary } from "@/lib/collectors/github/types";
import { env } from "@/lib/env";
import { TargetLimitError } from "@/lib/errors";

const PER_PAGE = 100;

/**
 * Lists an organisation's (or user's) repositories page by page, sorted by name so pages stay stable. Each
 * page is asked for with the ETag it had last time: a 304 costs nothing and reuses the cached page. A listing
 * longer than DOZEN_GITHUB_MAX_PAGES pages or DOZEN_GITHUB_MAX_REPOSITORIES repositories (a `rel="next"` that
 * never ends, an organisation far larger than meant) stops there with a TargetLimitError naming the setting:
 * half a listing would mark the other half gone.
 */
export async function listRepositories(opts: {
  client: GitHubClient;
  owner: string;
  ownerType: "org" | "user";
  cache?: ListingCache | null;
  limits?: { maxPages?: number; maxRepositories?: number };
}): Promise<{ repos: RepoSummary[]; cache: ListingCache; pagesFetched: number; pagesNotModified: number }> {
  const maxPages = opts.limits?.maxPages ?? env().DOZEN_GITHUB_MAX_PAGES;
  const maxRepositories = opts.limits?.maxRepositories ?? env().DOZEN_GITHUB_MAX_REPOSITORIES;
  let listed = 0;
  const cached = opts.cache?.pages ?? [];
  const pages: ListingCache["pages"] = [];
  let pagesFetched = 0;
  let pagesNotModified = 0;
  for (let page = 1; ; page++) {
    if (page > maxPages)
      throw new TargetLimitError(`more than ${maxPages} pages (DOZEN_GITHUB_MAX_PAGES)`, { setting: "DOZEN_GITHUB_MAX_PAGES" });
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
      if ((listed += repos.length) > maxRepositories) throw tooMany(maxRepositories);
      // A full last page is followed by one more: the empty page's ETag, cached, later proves for free that
      // no page was added (a 304 carries no Link header to say so).
      if (!/rel="next"/.test(String(response.headers.link ?? "")) && repos.length < PER_PAGE) break;
    } catch (error) {
      if ((error as { status?: number }).status !== 304 || !previous) throw error;
      pagesNotModified++;
      pages.push(previous);
      if ((listed += previous.repos.length) > maxRepositories) throw tooMany(maxRepositories);
      if (page >= cached.length) break;
    }
  }
  return { repos: pages.flatMap((p) => p.repos), cache: { pages }, pagesFetched, pagesNotModified };
}

function tooMany(max: number): TargetLimitError {
  return new TargetLimitError(`more than ${max} repositories (DOZEN_GITHUB_MAX_REPOSITORIES)`, {
    setting: "DOZEN_GITHUB_MAX_REPOSITORIES",
  });
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
