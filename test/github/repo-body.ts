/** Fields of a repository the stand-in knows; the rest of GitHub's shape is derived from them. */
export interface StandInRepo {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  topics: string[];
  pushedAt: string;
}

/**
 * A repository as GitHub's "minimal-repository" (org listing) or "full-repository" (repos/get) renders
 * it: every required field, URLs derived from the API base the way GitHub derives them.
 */
export function repoBody(opts: { repo: StandInRepo; api: string; web: string; full?: boolean }): Record<string, unknown> {
  const { repo, api, web } = opts;
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${api}/repos/${fullName}`;
  const urls = Object.fromEntries(
    [
      "archive:/{archive_format}{/ref}",
      "assignees:/assignees{/user}",
      "blobs:/git/blobs{/sha}",
      "branches:/branches{/branch}",
      "collaborators:/collaborators{/collaborator}",
      "comments:/comments{/number}",
      "commits:/commits{/sha}",
      "compare:/compare/{base}...{head}",
      "contents:/contents/{+path}",
      "contributors:/contributors",
      "deployments:/deployments",
      "downloads:/downloads",
      "events:/events",
      "forks:/forks",
      "git_commits:/git/commits{/sha}",
      "git_refs:/git/refs{/sha}",
      "git_tags:/git/tags{/sha}",
      "hooks:/hooks",
      "issue_comment:/issues/comments{/number}",
      "issue_events:/issues/events{/number}",
      "issues:/issues{/number}",
      "keys:/keys{/key_id}",
      "labels:/labels{/name}",
      "languages:/languages",
      "merges:/merges",
      "milestones:/milestones{/number}",
      "notifications:/notifications{?since,all,participating}",
      "pulls:/pulls{/number}",
      "releases:/releases{/id}",
      "stargazers:/stargazers",
      "statuses:/statuses/{sha}",
      "subscribers:/subscribers",
      "subscription:/subscription",
      "tags:/tags",
      "teams:/teams",
      "trees:/git/trees{/sha}",
    ].map((entry) => {
      const [key, suffix] = entry.split(":") as [string, string];
      return [`${key}_url`, `${url}${suffix}`];
    }),
  );
  const body: Record<string, unknown> = {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString("base64"),
    name: repo.name,
    full_name: fullName,
    owner: ownerBody({ login: repo.owner, api, web }),
    private: false,
    html_url: `${web}/${fullName}`,
    description: null,
    fork: repo.fork,
    url,
    ...urls,
    git_url: `git://stand-in/${fullName}.git`,
    ssh_url: `git@stand-in:${fullName}.git`,
    clone_url: `${web}/${fullName}.git`,
    default_branch: repo.defaultBranch,
    archived: repo.archived,
    disabled: false,
    topics: repo.topics,
    visibility: "public",
    pushed_at: repo.pushedAt,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: repo.pushedAt,
    size: 10,
    stargazers_count: 0,
    watchers_count: 0,
    forks_count: 0,
    open_issues_count: 0,
    language: null,
  };
  if (!opts.full) return body;
  return {
    ...body,
    homepage: null,
    mirror_url: null,
    svn_url: `${web}/${fullName}`,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    forks: 0,
    open_issues: 0,
    watchers: 0,
    subscribers_count: 0,
    network_count: 0,
    is_template: false,
    license: null,
  };
}

export function ownerBody(opts: { login: string; api: string; web: string }): Record<string, unknown> {
  const url = `${opts.api}/users/${opts.login}`;
  return {
    login: opts.login,
    id: 1000,
    node_id: "MDEyOk9yZ2FuaXphdGlvbjEwMDA=",
    avatar_url: `${opts.web}/${opts.login}.png`,
    gravatar_id: "",
    url,
    html_url: `${opts.web}/${opts.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: "Organization",
    site_admin: false,
  };
}
