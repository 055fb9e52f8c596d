import { createGitHubClient, type GitHubClient } from "@/lib/collectors/github/create-github-client";
import { env, namedVariable } from "@/lib/env";
import { githubSourceConfig, type GitHubSourceConfig } from "@/lib/github/github-source-config";
import { webBaseFor } from "@/lib/github/link-evidence";
import type { RateBudget } from "@/lib/github/rate-budget";
import type { StoredRateLimit } from "@/lib/github/save-rate-limit";

/** Test and bench knobs; production uses the defaults (seconds-based back-off, 30 s timeouts). */
export interface ClientTuning {
  retryBaseMs?: number;
  timeoutMs?: number;
  maxBudgetWaitMs?: number;
}

/**
 * A source's parsed config and a rate-guarded client for it, with the token read from the environment
 * variable the config names and the budget seeded from the last stored reading.
 */
export function openGitHubClient(opts: { source: { config: unknown; rateLimit?: unknown }; tuning?: ClientTuning }): {
  config: GitHubSourceConfig;
  client: GitHubClient;
  budget: RateBudget;
  webBaseUrl: string;
} {
  const config = githubSourceConfig.parse(opts.source.config ?? {});
  const stored = (opts.source.rateLimit ?? null) as StoredRateLimit | null;
  const { client, budget } = createGitHubClient({
    baseUrl: config.apiBaseUrl,
    token: namedVariable({ name: config.tokenEnv }),
    seed: stored,
    timeoutMs: env().DOZEN_GITHUB_TIMEOUT_MS,
    ...opts.tuning,
  });
  return { config, client, budget, webBaseUrl: config.webBaseUrl ?? webBaseFor({ apiBaseUrl: config.apiBaseUrl }) };
}
