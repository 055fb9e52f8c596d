import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { fetchWithinHosts } from "@/lib/collectors/github/fetch-within-hosts";
import { keyFingerprint } from "@/lib/collectors/github/installation-token-cache";

// Installations rarely move: one look-up per host, app and owner for the life of the process.
const found = new Map<string, Promise<number>>();

/**
 * The id of a GitHub App's installation on an organisation (`GET /orgs/{org}/installation`) or a user
 * (`GET /users/{username}/installation`), asked with the app's JWT. A failed look-up is not remembered, so
 * the next scan asks again (the app may have been installed meanwhile).
 */
export function findAppInstallation(opts: {
  baseUrl: string;
  appId: string;
  privateKey: string;
  owner: string;
  ownerType: "org" | "user";
  timeoutMs: number;
}): Promise<number> {
  const key = `${opts.baseUrl}|${opts.appId}|${keyFingerprint(opts.privateKey)}|${opts.ownerType}/${opts.owner.toLowerCase()}`;
  let pending = found.get(key);
  if (!pending) {
    pending = lookUp(opts);
    found.set(key, pending);
    pending.catch(() => found.delete(key));
  }
  return pending;
}

async function lookUp(opts: Parameters<typeof findAppInstallation>[0]): Promise<number> {
  const within = fetchWithinHosts({ apiBaseUrl: opts.baseUrl });
  const octokit = new Octokit({
    baseUrl: opts.baseUrl,
    userAgent: "dozen-scanner",
    authStrategy: createAppAuth,
    auth: { appId: opts.appId, privateKey: opts.privateKey },
    request: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => within(input, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) }),
    },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const response =
    opts.ownerType === "org"
      ? await octokit.request("GET /orgs/{org}/installation", { org: opts.owner })
      : await octokit.request("GET /users/{username}/installation", { username: opts.owner });
  return response.data.id;
}
