import { createHash } from "node:crypto";
import { DozenError } from "@/lib/errors";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { fetchWithinHosts } from "@/lib/collectors/github/fetch-within-hosts";
import { installationTokenCache } from "@/lib/collectors/github/installation-token-cache";
import { budgetWaitMs, newRateBudget, recordRateHeaders, type RateBudget } from "@/lib/collectors/github/rate-budget";

const GitHubOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

/** Thrown instead of sending when the token's budget is spent and its reset is further away than we wait. */
export class RateLimitExhaustedError extends DozenError {
  override name = "RateLimitExhaustedError";
  constructor(public readonly resetAt: Date) {
    super(`GitHub rate limit exhausted until ${resetAt.toISOString()}`);
  }
}

// One budget per token and API per process: every client built for the same token shares it.
const budgets = new Map<string, RateBudget>();

/** A GitHub App installation to authenticate as (its tokens are minted, shared per process and refreshed). */
export interface GitHubAppAuth {
  appId: string;
  privateKey: string;
  installationId: number;
}

export interface GitHubClientOptions {
  baseUrl: string;
  token?: string;
  /** Instead of `token`: installation tokens of a GitHub App, minted on first use and renewed before they expire. */
  app?: GitHubAppAuth;
  /** Requests to this API with this token at once (GitHub asks integrators for few concurrent requests). */
  maxInFlight?: number;
  /** Per request, including a tarball's download. */
  timeoutMs?: number;
  /** A spent budget whose reset is further away than this fails the request (the repository is retried later). */
  maxBudgetWaitMs?: number;
  /** Multiplies retry-after and retry back-off; 1000 (seconds) in production, smaller in tests. */
  retryBaseMs?: number;
  /** Last reading stored with the source, so a fresh process does not send into a spent budget. */
  seed?: { limit?: number; remaining?: number; resetAt?: string } | null;
}

/**
 * An Octokit with GitHub's throttling and retry plugins (retry-after honoured on 403/429 secondary limits,
 * 5xx and timeouts retried with back-off) over a fetch that never sends a counted request while the token's
 * remaining budget is 0 before its reset, and keeps at most `maxInFlight` requests in flight per token.
 * No request or redirect leaves `baseUrl`'s host (and its archive host): see fetchWithinHosts.
 */
export function createGitHubClient(opts: GitHubClientOptions): { client: GitHubClient; budget: RateBudget } {
  // An installation has one budget whatever token it currently holds; a token is its own budget.
  const credential = opts.app
    ? `app:${opts.app.appId}:installation:${opts.app.installationId}`
    : `token:${createHash("sha256")
        .update(opts.token ?? "")
        .digest("hex")
        .slice(0, 16)}`;
  const key = `${opts.baseUrl}|${credential}`;
  let budget = budgets.get(key);
  if (!budget) budgets.set(key, (budget = newRateBudget({ maxInFlight: opts.maxInFlight ?? 4, seed: opts.seed })));
  const base = opts.retryBaseMs ?? 1000;
  const retryable = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < 3 && retryAfter * base <= (opts.maxBudgetWaitMs ?? 120_000);
  const client = new GitHubOctokit({
    ...(opts.app
      ? {
          authStrategy: createAppAuth,
          // auth-app's hook signs a JWT for app endpoints and sends an installation token everywhere else;
          // the shared cache keeps one token per installation per process until shortly before it expires.
          auth: {
            ...opts.app,
            cache: installationTokenCache({ baseUrl: opts.baseUrl, appId: opts.app.appId, privateKey: opts.app.privateKey }),
          },
        }
      : { auth: opts.token }),
    baseUrl: opts.baseUrl,
    userAgent: "dozen-scanner",
    request: {
      fetch: guardedFetch({
        send: fetchWithinHosts({ apiBaseUrl: opts.baseUrl }),
        budget,
        timeoutMs: opts.timeoutMs ?? 30_000,
        maxWaitMs: opts.maxBudgetWaitMs ?? 120_000,
      }),
    },
    throttle: { onRateLimit: retryable, onSecondaryRateLimit: retryable, retryAfterBaseValue: base, id: key },
    retry: { retries: 3, retryAfterBaseValue: base / 10 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  return { client, budget };
}

function guardedFetch(opts: { send: typeof fetch; budget: RateBudget; timeoutMs: number; maxWaitMs: number }): typeof fetch {
  const { budget } = opts;
  return async (input, init) => {
    await acquire(budget);
    try {
      const wait = budgetWaitMs({ budget, now: Date.now() });
      if (wait > opts.maxWaitMs) throw new RateLimitExhaustedError(new Date(budget.resetAt ?? Date.now()));
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      budget.reserved++;
      try {
        const signals = [AbortSignal.timeout(opts.timeoutMs), ...(init?.signal ? [init.signal] : [])];
        const response = await opts.send(input, { ...init, signal: AbortSignal.any(signals) });
        recordRateHeaders({ budget, headers: response.headers });
        return response;
      } finally {
        budget.reserved--;
      }
    } finally {
      release(budget);
    }
  };
}

async function acquire(budget: RateBudget): Promise<void> {
  if (budget.inFlight < budget.maxInFlight) {
    budget.inFlight++;
    return;
  }
  // The releasing request hands its slot over directly, so inFlight never exceeds the cap.
  await new Promise<void>((ok) => budget.waiters.push(ok));
}

function release(budget: RateBudget): void {
  const next = budget.waiters.shift();
  if (next) next();
  else budget.inFlight--;
}
