import { createHash } from "node:crypto";
import type { GitHubSourceConfig } from "@/lib/sources/kinds/github/config";

/**
 * The pg-boss group of a source's repository jobs: one per credential (API host plus the *name* of the
 * token variable, or the app's variables and the owner its installation is on), so every source and worker
 * process sharing a token shares one concurrency cap. Hashed: the group id is visible in pg-boss's tables.
 */
export function credentialGroup(opts: { config: GitHubSourceConfig; owner: string }): string {
  const { config } = opts;
  const credential = config.app
    ? `app|${config.app.appIdEnv}|${config.app.installationIdEnv ?? `owner:${opts.owner.toLowerCase()}`}`
    : `token|${config.tokenEnv}`;
  return `github-${createHash("sha256").update(`${config.apiBaseUrl}|${credential}`).digest("hex").slice(0, 16)}`;
}
