import type { GitHubSourceConfig } from "@/lib/sources/kinds/github/config";
import type { RepoSummary } from "@/lib/collectors/github/types";

/**
 * The repositories a source scans: archived ones and forks only when asked for, names matching an include
 * pattern (if any) and no exclude pattern, carrying one of the topics (if any). Patterns match the name
 * without owner, case-insensitively; `*` matches any run of characters.
 */
export function selectRepositories(opts: { repos: RepoSummary[]; config: GitHubSourceConfig }): RepoSummary[] {
  const { config } = opts;
  const include = config.include.map(toRegExp);
  const exclude = config.exclude.map(toRegExp);
  return opts.repos.filter((repo) => {
    const name = repo.fullName.split("/").pop() ?? repo.fullName;
    if (repo.archived && !config.includeArchived) return false;
    if (repo.fork && !config.includeForks) return false;
    if (include.length > 0 && !include.some((re) => re.test(name))) return false;
    if (exclude.some((re) => re.test(name))) return false;
    return config.topics.length === 0 || repo.topics.some((t) => config.topics.includes(t));
  });
}

function toRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );
}
