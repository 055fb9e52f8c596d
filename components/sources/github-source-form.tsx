"use client";

import { useState } from "react";
import { submitGitHubSource } from "@/app/(dashboard)/sources/actions";
import { CheckboxField, RadioGroup, TextField } from "@/components/sources/form-fields";
import { NameField, ScheduleField, SourceFormShell, submittedChecked, useSourceForm } from "@/components/sources/source-form-shell";

/** Adds a GitHub organisation or user. Credentials are named, never entered: the env variables the workers read. */
export function GitHubSourceForm({ defaultSchedule }: { defaultSchedule: string }) {
  const { state, action, pending, e, v } = useSourceForm(submitGitHubSource);
  const [auth, setAuth] = useState(v("auth", "token"));
  return (
    <SourceFormShell action={action} pending={pending} state={state} submitLabel="Add GitHub source">
      <NameField state={state} placeholder="acme" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="owner" label="Organisation or user login" required defaultValue={v("owner")} error={e.owner} placeholder="acme" />
        <RadioGroup name="config.ownerType" legend="It is" defaultValue={v("config.ownerType", "org")} error={e["config.ownerType"]} options={[{ value: "org", label: "an organisation" }, { value: "user", label: "a user" }]} />
      </div>
      <RadioGroup name="auth" legend="Authenticate with" defaultValue={auth} onChange={setAuth} options={[{ value: "token", label: "a token" }, { value: "app", label: "a GitHub App" }]} />
      {auth === "app" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField name="config.app.appIdEnv" label="App id variable" mono defaultValue={v("config.app.appIdEnv", "GITHUB_APP_ID")} error={e["config.app.appIdEnv"]} />
          <TextField name="config.app.privateKeyEnv" label="Private key variable" mono defaultValue={v("config.app.privateKeyEnv", "GITHUB_APP_PRIVATE_KEY")} error={e["config.app.privateKeyEnv"]} />
          <TextField name="config.app.installationIdEnv" label="Installation id variable" mono defaultValue={v("config.app.installationIdEnv")} error={e["config.app.installationIdEnv"]} hint="Optional: looked up from the owner when empty." />
        </div>
      ) : (
        <TextField name="config.tokenEnv" label="Token variable" mono defaultValue={v("config.tokenEnv", "GITHUB_TOKEN")} error={e["config.tokenEnv"]} hint="The name of the environment variable holding the token, set for the workers. Never the token itself." />
      )}
      <TextField name="config.apiBaseUrl" label="API base URL" mono defaultValue={v("config.apiBaseUrl", "https://api.github.com")} error={e["config.apiBaseUrl"]} hint="GitHub Enterprise Server: https://<host>/api/v3" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="config.include" label="Include repositories" mono defaultValue={v("config.include")} error={e["config.include"]} placeholder="api-*, web" hint="Name patterns, comma separated; * matches anything. Empty: all." />
        <TextField name="config.exclude" label="Exclude repositories" mono defaultValue={v("config.exclude")} error={e["config.exclude"]} placeholder="sandbox-*" />
        <TextField name="config.topics" label="Topics" mono defaultValue={v("config.topics")} error={e["config.topics"]} hint="Only repositories with one of these topics. Empty: any." />
      </div>
      <div className="flex flex-wrap gap-6">
        <CheckboxField name="config.includeArchived" label="Include archived repositories" defaultChecked={submittedChecked(state, "config.includeArchived", false)} />
        <CheckboxField name="config.includeForks" label="Include forks" defaultChecked={submittedChecked(state, "config.includeForks", false)} />
      </div>
      <ScheduleField state={state} defaultSchedule={defaultSchedule} />
    </SourceFormShell>
  );
}
