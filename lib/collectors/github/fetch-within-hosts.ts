import { DozenError } from "@/lib/errors";
import { hostsOf } from "@/lib/collectors/github/trusted-hosts";

/** A GitHub request or redirect pointed outside the source's API host and its archive host: nothing was sent there. */
export class UntrustedHostError extends DozenError {
  override name = "UntrustedHostError";
  constructor(readonly host: string) {
    super(`refused to send a request to ${host}: not the source's GitHub API host or its archive host`);
  }
}

const MAX_REDIRECTS = 5;

/**
 * A fetch for one GitHub API that never lets a request leave it: the first request must go to the API
 * host, and redirects are followed here (never by fetch itself) only to the API host, with the
 * Authorization header, or to its archive host (a tarball's codeload URL carries its own token), without
 * it. Anything else (a Link header, a 30x to another host) throws UntrustedHostError before a byte is sent.
 */
export function fetchWithinHosts(opts: { apiBaseUrl: string; fetch?: typeof fetch }): typeof fetch {
  const { api, archive } = hostsOf({ apiBaseUrl: opts.apiBaseUrl });
  const send = opts.fetch ?? fetch;
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    if (url.host.toLowerCase() !== api) throw new UntrustedHostError(url.host);
    let request: RequestInit = { ...init, redirect: "manual" };
    for (let hop = 0; ; hop++) {
      const response = await send(url, request);
      const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
      if (!location) return response;
      if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      await response.body?.cancel();
      const next = new URL(location, url);
      const host = next.host.toLowerCase();
      if (host !== api && !archive.includes(host)) throw new UntrustedHostError(next.host);
      if (host !== api || next.protocol !== url.protocol) {
        const headers = new Headers(request.headers);
        headers.delete("authorization");
        request = { ...request, headers };
      }
      // GitHub redirects GETs only (a tarball, a renamed repository): the request is sent again as it was.
      url = next;
    }
  };
}
