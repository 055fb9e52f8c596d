import * as client from "openid-client";
import type { SignInSettings } from "@/lib/env";

const cache = new Map<string, Promise<client.Configuration>>();

/**
 * The OpenID Provider's configuration (its discovery document) with Dozen's client, fetched once per process
 * and issuer. Plain http is allowed only for a loopback issuer, as the tests' provider on 127.0.0.1 is; a
 * failed discovery is forgotten, so the next sign-in tries again.
 */
export function discoverProvider(opts: { settings: SignInSettings }): Promise<client.Configuration> {
  const { issuer, clientId, clientSecret } = opts.settings;
  const key = `${issuer}\n${clientId}\n${clientSecret}`;
  let found = cache.get(key);
  if (!found) {
    const url = new URL(issuer);
    const loopbackHttp = url.protocol === "http:" && ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
    found = client.discovery(url, clientId, clientSecret, undefined, {
      ...(loopbackHttp ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}
