import { z } from "zod";

/**
 * A GitHub source's settings (Source.config). Never a credential: `tokenEnv` names the environment
 * variable that holds the token, read by the worker at scan time.
 */
export const githubSourceConfig = z.object({
  ownerType: z.enum(["org", "user"]).default("org"),
  /** REST API base; GitHub Enterprise Server: https://<host>/api/v3. */
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default("https://api.github.com"),
  /** Where evidence links point; derived from apiBaseUrl when unset. */
  webBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name (A-Z, 0-9, _)").default("GITHUB_TOKEN"),
  includeArchived: z.boolean().default(false),
  includeForks: z.boolean().default(false),
  /** Repository name patterns (`*` matches anything); empty means all. */
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  /** Only repositories carrying at least one of these topics; empty means any. */
  topics: z.array(z.string().min(1)).default([]),
});
export type GitHubSourceConfig = z.infer<typeof githubSourceConfig>;
