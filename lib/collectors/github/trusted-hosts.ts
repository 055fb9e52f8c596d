/**
 * Where a GitHub credential may go. The API host must be one an admin listed (DOZEN_GITHUB_HOSTS), over
 * https (plain http only to a loopback host, as a test's stand-in); a tarball redirect may also go to that
 * host's archive host: codeload.github.com for api.github.com, the host itself or `codeload.<host>` for a
 * GitHub Enterprise Server (with or without subdomain isolation).
 */
export function refuseApiUrl(opts: { url: string; hosts: readonly string[] }): string | null {
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    return "not a URL";
  }
  if (!opts.hosts.includes(url.host.toLowerCase())) return `${url.host} is not in DOZEN_GITHUB_HOSTS (${opts.hosts.join(", ")})`;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname)))
    return `a credential goes to ${url.host} over https only`;
  return null;
}

/** The hosts a request of a client for `apiBaseUrl` may reach, and which of them receive its Authorization header. */
export function hostsOf(opts: { apiBaseUrl: string }): { api: string; archive: string[] } {
  const api = new URL(opts.apiBaseUrl).host.toLowerCase();
  const archive = api === "api.github.com" ? ["codeload.github.com"] : [api, `codeload.${api}`];
  return { api, archive };
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
