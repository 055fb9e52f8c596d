import { z } from "zod";
import { refuseApiUrl } from "@/lib/collectors/github/trusted-hosts";
import { credentialEnvs, githubHosts } from "@/lib/env";

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name (A-Z, 0-9, _)");

/**
 * A GitHub source's settings (Source.config). Never a credential: `tokenEnv` names the environment
 * variable that holds the token, read by the worker at scan time. The names it may give are those an
 * admin allowed (DOZEN_CREDENTIAL_ENVS) and the API it may send them to is one of DOZEN_GITHUB_HOSTS:
 * checked when a source is added (form, API, CLI) and again by the worker before every use, so a row
 * written some other way cannot turn the worker against Dozen either.
 */
export const githubSourceConfig = z
  .object({
    ownerType: z.enum(["org", "user"]).default("org"),
    /** REST API base; GitHub Enterprise Server: https://<host>/api/v3. */
    apiBaseUrl: z.url({ protocol: /^https?$/ }).default("https://api.github.com"),
    /** Where evidence links point; derived from apiBaseUrl when unset. */
    webBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
    tokenEnv: envName.default("GITHUB_TOKEN"),
    /**
     * Authenticate as a GitHub App installation instead of with a token: the names of the environment
     * variables holding the app id, its PEM private key and (optionally) the installation id; without an
     * installation id the organisation's (or user's) installation is looked up.
     */
    app: z
      .object({
        appIdEnv: envName.default("GITHUB_APP_ID"),
        privateKeyEnv: envName.default("GITHUB_APP_PRIVATE_KEY"),
        installationIdEnv: envName.optional(),
      })
      .optional(),
    includeArchived: z.boolean().default(false),
    includeForks: z.boolean().default(false),
    /** Repository name patterns (`*` matches anything); empty means all. */
    include: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
    /** Only repositories carrying at least one of these topics; empty means any. */
    topics: z.array(z.string().min(1)).default([]),
  })
  .superRefine((config, ctx) => {
    const refused = refuseApiUrl({ url: config.apiBaseUrl, hosts: githubHosts() });
    if (refused) ctx.addIssue({ code: "custom", path: ["apiBaseUrl"], message: refused });
    const allowed = credentialEnvs();
    const named: [string[], string | undefined][] = config.app
      ? [
          [["app", "appIdEnv"], config.app.appIdEnv],
          [["app", "privateKeyEnv"], config.app.privateKeyEnv],
          [["app", "installationIdEnv"], config.app.installationIdEnv],
        ]
      : [[["tokenEnv"], config.tokenEnv]];
    for (const [path, name] of named) {
      if (name !== undefined && !allowed.includes(name))
        ctx.addIssue({
          code: "custom",
          path,
          message: `${name} is not a variable sources may name (DOZEN_CREDENTIAL_ENVS: ${allowed.join(", ")})`,
        });
    }
  });
export type GitHubSourceConfig = z.infer<typeof githubSourceConfig>;
