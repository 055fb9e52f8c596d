import type { GitHubClient } from "@/lib/collectors/github/create-github-client";

/**
 * Starts the download of a repository's tarball at a commit (one counted request; the codeload redirect is
 * not the API) and returns its body unread, so whoever extracts it (another process) reads it as it arrives.
 */
export async function openTarball(opts: { client: GitHubClient; fullName: string; sha: string }): Promise<ReadableStream<Uint8Array>> {
  const [owner = "", repo = ""] = opts.fullName.split("/");
  const response = await opts.client.request("GET /repos/{owner}/{repo}/tarball/{ref}", {
    owner,
    repo,
    ref: opts.sha,
    request: { parseSuccessResponseBody: false },
  });
  return response.data as unknown as ReadableStream<Uint8Array>;
}
