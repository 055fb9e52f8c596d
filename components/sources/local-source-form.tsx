"use client";

import { submitLocalSource } from "@/app/(dashboard)/sources/actions";
import { TextField } from "@/components/sources/form-fields";
import { NameField, ScheduleField, SourceFormShell, useSourceForm } from "@/components/sources/source-form-shell";

/** Adds a local checkout: a directory the workers can read, one service per discovered project in it. */
export function LocalSourceForm({ defaultSchedule }: { defaultSchedule: string }) {
  const { state, action, pending, e, v } = useSourceForm(submitLocalSource);
  return (
    <SourceFormShell action={action} pending={pending} state={state} submitLabel="Add local checkout">
      <NameField state={state} placeholder="platform-monorepo" />
      <TextField name="directory" label="Directory" required mono defaultValue={v("directory")} error={e.directory} placeholder="/srv/checkouts/platform" hint="An absolute path on the workers' machine." />
      <ScheduleField state={state} defaultSchedule={defaultSchedule} />
    </SourceFormShell>
  );
}
