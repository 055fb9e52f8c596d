"use client";

import { useActionState } from "react";
import { addTeam } from "@/lib/actions/add-team";
import type { OwnershipFormState } from "@/lib/actions/run-ownership-action";
import { SubmitWithStatus } from "@/components/ui/submit-with-status";
import { FIELD_CLASS as FIELD } from "@/components/ui/form-field";

/** Settings → Ownership's "New team": the one place a team is made by hand (admins). */
export function CreateTeamForm() {
  const [state, action, pending] = useActionState<OwnershipFormState, FormData>(addTeam, { message: "" });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor="team-name" className="block text-sm font-medium">
          Team name
        </label>
        <input id="team-name" name="name" required maxLength={80} className={FIELD} />
      </div>
      <SubmitWithStatus text="Make team" busyText="Making…" pending={pending} state={state} />
    </form>
  );
}
