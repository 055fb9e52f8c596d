"use server";

import { revalidatePath } from "next/cache";
import { setServiceTeam } from "@/lib/persistence/set-service-team";

export interface OwnerFormState {
  message: string;
  error?: boolean;
}

/** Server action behind the owner form: zod-validated in setServiceTeam, then the page re-renders. */
export async function updateOwner(_prev: OwnerFormState, form: FormData): Promise<OwnerFormState> {
  try {
    const slug = String(form.get("slug") ?? "");
    const { team, manual } = await setServiceTeam({ slug, team: String(form.get("team") ?? "") });
    // The move changes the service page, both teams' pages and their rollups on /teams and the overview.
    revalidatePath("/", "layout");
    if (manual) return { message: `Owner set to ${team}.` };
    return {
      message: team
        ? `Manual owner cleared; back to ${team}, as the latest scan found.`
        : "Manual owner cleared; the latest scan found no owner.",
    };
  } catch (error) {
    return { message: error instanceof Error ? error.message : "Could not set the owner.", error: true };
  }
}
