import { createGitHubClient, type GitHubAppAuth, type GitHubClient } from "@/lib/collectors/github/create-github-client";
import { findAppInstallation } from "@/lib/collectors/github/find-app-installation";
import { env, namedVariable } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { githubSourceConfig, type GitHubSourceConfig } from "@/lib/sources/kinds/github/config";
import { webBaseFor } from "@/lib/sources/kinds/github/link-evidence";
import { publishRateBudget, type RateBudget } from "@/lib/collectors/github/rate-budget";
import { GitHubAppCredentialsError, readAppCredentials } from "@/lib/sources/kinds/github/read-app-credentials";
import type { StoredRateLimit } from "@/lib/sources/kinds/github/save-rate-limit";

/** Test and bench knobs; production uses the defaults (seconds-based back-off, 30 s timeouts). */
export interface ClientTuning {
  retryBaseMs?: number;
  timeoutMs?: number;
  maxBudgetWaitMs?: number;
}

/**
 * A source's parsed config and a rate-guarded client for it, with the budget seeded from the last stored
 * reading. Credentials come from the environment variables the config names: the token (`tokenEnv`), or,
 * with an `app` block, a GitHub App's id and key, authenticating as its installation on the source's owner
 * (looked up once per process unless `installationIdEnv` names it). Throws GitHubAppCredentialsError with
 * a readable reason when the app's variables are missing or its installation cannot be found.
 */
export async function openGitHubClient(opts: {
  source: { config: unknown; rateLimit?: unknown; location: string };
  tuning?: ClientTuning;
}): Promise<{
  config: GitHubSourceConfig;
  client: GitHubClient;
  budget: RateBudget;
  webBaseUrl: string;
}> {
  const config = githubSourceConfig.parse(opts.source.config ?? {});
  const stored = (opts.source.rateLimit ?? null) as StoredRateLimit | null;
  const timeoutMs = opts.tuning?.timeoutMs ?? env().DOZEN_GITHUB_TIMEOUT_MS;
  const app = config.app ? await appAuth({ config, owner: opts.source.location, timeoutMs }) : undefined;
  const { client, budget } = createGitHubClient({
    baseUrl: config.apiBaseUrl,
    ...(app ? { app } : { token: readToken({ name: config.tokenEnv }) }),
    seed: stored,
    timeoutMs,
    ...opts.tuning,
  });
  // Named in metrics by host and variable names: what an operator can act on, and never the secret itself.
  budget.credential ??= `${new URL(config.apiBaseUrl).host}/${app ? `app:${config.app!.appIdEnv}/installation:${app.installationId}` : config.tokenEnv}`;
  publishRateBudget({ budget });
  return { config, client, budget, webBaseUrl: config.webBaseUrl ?? webBaseFor({ apiBaseUrl: config.apiBaseUrl }) };
}

async function appAuth(opts: { config: GitHubSourceConfig; owner: string; timeoutMs: number }): Promise<GitHubAppAuth> {
  const { appId, privateKey, installationId } = readAppCredentials({ app: opts.config.app! });
  if (installationId !== null) return { appId, privateKey, installationId };
  try {
    const found = await findAppInstallation({
      baseUrl: opts.config.apiBaseUrl,
      appId,
      privateKey,
      owner: opts.owner,
      ownerType: opts.config.ownerType,
      timeoutMs: opts.timeoutMs,
    });
    return { appId, privateKey, installationId: found };
  } catch (error) {
    const status = (error as { status?: number }).status;
    // Never GitHub's answer itself (an SSRF would read any host's body back through it): the status says enough.
    const reason =
      status === 404
        ? "the app is not installed there"
        : status === 401
          ? `GitHub rejected the app's JWT (check ${opts.config.app!.appIdEnv} and ${opts.config.app!.privateKeyEnv})`
          : describeError(error);
    throw new GitHubAppCredentialsError(`GitHub App installation on ${opts.owner} not found: ${reason}`);
  }
}

/**
 * The token a source's `tokenEnv` names. A value that cannot be a header (a PEM, anything with a line
 * break) is refused by name here: sent, fetch would throw a TypeError quoting it whole.
 */
function readToken(opts: { name: string }): string | undefined {
  const token = namedVariable(opts)?.trim();
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token))
    throw new GitHubAppCredentialsError(`GitHub token: ${opts.name} does not hold a token (it has spaces or line breaks)`);
  return token;
}
