/**
 * The headers of the CLI's calls to a running Dozen: its API token (DOZEN_TOKEN) as a bearer token when
 * there is one, and the JSON content type when a body goes with the call.
 */
export function apiHeaders(opts: { token: string | undefined; json: boolean }): Record<string, string> {
  return {
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    ...(opts.json ? { "content-type": "application/json" } : {}),
  };
}
