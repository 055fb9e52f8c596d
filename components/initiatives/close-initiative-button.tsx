"use client";

import { closeInitiative } from "@/lib/actions/close-initiative";
import { RowActionButton } from "@/components/ui/row-action-button";

/** Closes an open initiative (its history stays) or reopens a closed one; a refusal is said beside it. */
export function CloseInitiativeButton({ slug, closed }: { slug: string; closed: boolean }) {
  return (
    <RowActionButton
      action={closeInitiative}
      fields={{ slug, closed: closed ? "false" : "true" }}
      text={closed ? "Reopen" : "Close initiative"}
      pending="Saving…"
      tone="plain"
    />
  );
}
