"use client";

import { removeChannel } from "@/lib/actions/remove-channel";
import { RowActionButton } from "@/components/ui/row-action-button";

/** Deletes one channel (with its delivery log); a refusal is said beside the button. */
export function DeleteChannelButton({ id, label }: { id: number; label: string }) {
  return <RowActionButton action={removeChannel} fields={{ id }} label={`Delete ${label}`} text="Delete" pending="Deleting…" />;
}
