"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { requestScan } from "@/lib/persistence/request-scan";
import { addLocalSource, addLocalSourceInput } from "@/lib/sources/kinds/local/add-local-source";
import { fieldErrorsOf } from "@/lib/sources/field-errors-of";
import { readClusterForm, readGitHubForm, readLocalForm } from "@/lib/sources/read-source-form";
import { registerClusterSource, registerClusterSourceInput } from "@/lib/sources/kinds/kubernetes/register-cluster-source";
import { registerGitHubSource, registerGitHubSourceInput } from "@/lib/sources/kinds/github/register-github-source";
import { scheduleField } from "@/lib/sources/schedule-field";
import { updateSourceSchedule, updateSourceScheduleInput } from "@/lib/sources/update-source-schedule";

export interface SourceFormState {
  /** Per field, keyed like the field's name ("config.tokenEnv"); "form" for what belongs to no field. */
  errors: Record<string, string>;
  /** What was submitted, so a refused form comes back as the person left it. */
  values: Record<string, string>;
}

/**
 * The one path every add-source form takes: validate against the lib's own schema (with a schedule pg-boss
 * can evaluate), register (which schedules the cron entry), queue the first scan, then show the list.
 */
async function addSource<S extends z.ZodObject>(form: FormData, opts: { input: unknown; schema: S; register: (input: z.output<S>) => Promise<{ id: number }>; refusedField?: string }): Promise<SourceFormState> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = opts.schema.extend({ schedule: scheduleField }).safeParse(opts.input);
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), values };
  let added: { sourceId: number; scanId: number };
  try {
    const { id } = await opts.register(parsed.data as z.output<S>);
    const { scanId } = await requestScan({ boss: await getWebBoss(), sourceId: id, trigger: "manual" });
    added = { sourceId: id, scanId };
  } catch (error) {
    if (error instanceof ConflictError) return { errors: { name: error.message }, values };
    // What only the server can judge (a directory exists, a kubeconfig is configured) lands on its field.
    if (error instanceof ValidationError) return { errors: { [opts.refusedField ?? "form"]: error.message }, values };
    throw error;
  }
  revalidatePath("/sources");
  redirect(`/sources?added=${added.sourceId}&scan=${added.scanId}`);
}

/** Server action of the GitHub organisation/user form. */
export async function submitGitHubSource(_prev: SourceFormState, form: FormData): Promise<SourceFormState> {
  return addSource(form, {
    input: readGitHubForm(form),
    schema: registerGitHubSourceInput,
    register: async (input) => registerGitHubSource({ input, boss: await getWebBoss() }),
  });
}

/** Server action of the Kubernetes cluster form. */
export async function submitClusterSource(_prev: SourceFormState, form: FormData): Promise<SourceFormState> {
  return addSource(form, {
    input: readClusterForm(form),
    schema: registerClusterSourceInput,
    register: async (input) => registerClusterSource({ input, boss: await getWebBoss() }),
  });
}

/** Server action of the local checkout form. */
export async function submitLocalSource(_prev: SourceFormState, form: FormData): Promise<SourceFormState> {
  return addSource(form, {
    input: readLocalForm(form),
    schema: addLocalSourceInput,
    register: async (input) => addLocalSource({ input, boss: await getWebBoss() }),
    refusedField: "directory",
  });
}

export interface ScheduleFormState {
  error?: string;
  message?: string;
  /** The refused expression, so the field keeps what the person typed. */
  value?: string;
}

/** Server action of a source's "change schedule" form. */
export async function changeSchedule(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const input = { sourceId: String(form.get("sourceId") ?? ""), schedule: String(form.get("schedule") ?? "") };
  const parsed = updateSourceScheduleInput.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid schedule", value: input.schedule };
  try {
    const { schedule } = await updateSourceSchedule({ input, boss: await getWebBoss() });
    revalidatePath("/sources");
    return { message: schedule ? `Scheduled: ${schedule} (UTC).` : "On demand only." };
  } catch (error) {
    if (error instanceof NotFoundError) return { error: error.message };
    throw error;
  }
}
