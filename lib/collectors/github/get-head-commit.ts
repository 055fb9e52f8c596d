import type { GitHubClient } from "@/lib/collectors/github/create-github-client";

/**
 * The head commit of a branch, asked for with the ETag of the last answer: a 304 (`notModified`, not
 * counted by GitHub) means the SHA is unchanged. Uses the `sha` media type, the smallest answer there is.
 */
export async function getHeadCommit(opts: {
  client: GitHubClient;
  fullName: string;
  branch: string;
  etag?: string | null;
}): Promise<{ notModified: true } | { notModified: false; sha: string; etag: string | null }> {
  const [owner = "", repo = ""] = opts.fullName.split("/");
  try {
    const response = await opts.client.request("GET /repos/{owner}/{repo}/commits/{ref}", {
      owner,
      repo,
      ref: opts.branch,
      headers: { accept: "application/vnd.github.sha", ...(opts.etag ? { "if-none-match": opts.etag } : {}) },
    });
    const sha = String(response.data).trim();
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`unexpected head commit answer for ${opts.fullName}@${opts.branch}`);
    return { notModified: false, sha, etag: response.headers.etag ?? null };
  } catch (error) {
    if ((error as { status?: number }).status === 304 && opts.etag) return { notModified: true };
    throw error;
  }
}
