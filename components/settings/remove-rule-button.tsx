"use client";

import { removeOwnershipRule } from "@/lib/actions/remove-ownership-rule";
import { RowActionButton } from "@/components/ui/row-action-button";

/** Deletes one ownership rule; ownership is re-applied at once. */
export function RemoveRuleButton({ id, label }: { id: number; label: string }) {
  return <RowActionButton action={removeOwnershipRule} fields={{ id }} label={`Delete ${label}`} text="Delete" pending="Deleting…" />;
}
