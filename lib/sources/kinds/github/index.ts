import { z } from "zod";
import { githubSourceConfig } from "@/lib/sources/kinds/github/config";
import { listGitHubExtras } from "@/lib/sources/kinds/github/list-github-extras";
import type { SourceKindModule } from "@/lib/sources/kinds/types";
import { sourceName, sourceSchedule } from "@/lib/sources/source-input";

/** What adding a GitHub source takes (API body, CLI, UI form): the contract, never a credential. */
const input = z.object({
  name: sourceName,
  /** Organisation (or user) login. */
  owner: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "a GitHub organisation or user login"),
  schedule: sourceSchedule,
  config: githubSourceConfig.prefault({}),
});

/** A GitHub organisation or user: every repository it owns (filtered), each scanned by its own job. */
export const github: SourceKindModule<typeof input> = {
  kind: "github",
  label: "GitHub organisation or user",
  shortLabel: "GitHub",
  input,
  toSource: (i) => ({ location: i.owner, config: i.config }),
  fromSource: (s) => ({ name: s.name, schedule: s.schedule, owner: s.location, config: s.config ?? {} }),
  describeCredentials(raw) {
    const config = (raw ?? {}) as { tokenEnv?: unknown; app?: Record<string, unknown> };
    if (config.app && typeof config.app === "object") {
      const names = [config.app.appIdEnv, config.app.privateKeyEnv, config.app.installationIdEnv].filter(
        (n): n is string => typeof n === "string",
      );
      return `GitHub App from ${names.map((n) => `$${n}`).join(", ")}`;
    }
    return `token from $${typeof config.tokenEnv === "string" ? config.tokenEnv : "GITHUB_TOKEN"}`;
  },
  form: {
    namePlaceholder: "acme",
    submitLabel: "Add GitHub source",
    fields: [
      {
        type: "row",
        fields: [
          { type: "text", name: "owner", label: "Organisation or user login", required: true, placeholder: "acme" },
          {
            type: "radio",
            name: "config.ownerType",
            legend: "It is",
            defaultValue: "org",
            options: [
              { value: "org", label: "an organisation" },
              { value: "user", label: "a user" },
            ],
          },
        ],
      },
      {
        type: "choice",
        name: "auth",
        legend: "Authenticate with",
        defaultValue: "token",
        options: [
          {
            value: "token",
            label: "a token",
            fields: [
              {
                type: "text",
                name: "config.tokenEnv",
                label: "Token variable",
                mono: true,
                defaultValue: "GITHUB_TOKEN",
                hint: "The name of the environment variable holding the token, set for the workers. Never the token itself.",
              },
            ],
          },
          {
            value: "app",
            label: "a GitHub App",
            fields: [
              {
                type: "row",
                fields: [
                  { type: "text", name: "config.app.appIdEnv", label: "App id variable", mono: true, defaultValue: "GITHUB_APP_ID" },
                  {
                    type: "text",
                    name: "config.app.privateKeyEnv",
                    label: "Private key variable",
                    mono: true,
                    defaultValue: "GITHUB_APP_PRIVATE_KEY",
                  },
                  {
                    type: "text",
                    name: "config.app.installationIdEnv",
                    label: "Installation id variable",
                    mono: true,
                    hint: "Optional: looked up from the owner when empty.",
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: "text",
        name: "config.apiBaseUrl",
        label: "API base URL",
        mono: true,
        defaultValue: "https://api.github.com",
        hint: "GitHub Enterprise Server: `https://<host>/api/v3`",
      },
      {
        type: "row",
        fields: [
          {
            type: "text",
            name: "config.include",
            label: "Include repositories",
            mono: true,
            list: true,
            placeholder: "api-*, web",
            hint: "Name patterns, comma separated; * matches anything. Empty: all.",
          },
          { type: "text", name: "config.exclude", label: "Exclude repositories", mono: true, list: true, placeholder: "sandbox-*" },
          {
            type: "text",
            name: "config.topics",
            label: "Topics",
            mono: true,
            list: true,
            hint: "Only repositories with one of these topics. Empty: any.",
          },
        ],
      },
      {
        type: "row",
        fields: [
          { type: "checkbox", name: "config.includeArchived", label: "Include archived repositories" },
          { type: "checkbox", name: "config.includeForks", label: "Include forks" },
        ],
      },
    ],
  },
  cli: {
    options: {
      owner: { type: "string" },
      user: { type: "boolean" },
      "token-env": { type: "string" },
      "api-base-url": { type: "string" },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      topic: { type: "string", multiple: true },
    },
    toInput: ({ name, schedule, values: v }) => ({
      name,
      owner: v.owner,
      schedule,
      config: {
        ownerType: v.user ? "user" : "org",
        tokenEnv: v["token-env"],
        apiBaseUrl: v["api-base-url"],
        include: v.include,
        exclude: v.exclude,
        topics: v.topic,
      },
    }),
  },
  fansOut: true,
  // Never bundled into the web process, which only adds and lists sources; workers and the CLI load it.
  async worker() {
    const [{ scanGitHub }, { scanRepositoryJob }, { scanRepositoryFailedJob }] = await Promise.all([
      import(/* turbopackIgnore: true */ "@/lib/sources/kinds/github/scan-source"),
      import(/* turbopackIgnore: true */ "@/lib/sources/kinds/github/scan-repository-job"),
      import(/* turbopackIgnore: true */ "@/lib/sources/kinds/github/scan-repository-failed-job"),
    ]);
    return { scan: scanGitHub, jobs: [scanRepositoryJob, scanRepositoryFailedJob] };
  },
  extras: listGitHubExtras,
};
