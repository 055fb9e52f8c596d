"use client";

import { revokeToken } from "@/lib/actions/revoke-token";
import { RowActionButton } from "@/components/ui/row-action-button";

/** Revokes one token; a refusal is said beside the button. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  return <RowActionButton action={revokeToken} fields={{ id }} label={`Revoke ${name}`} text="Revoke" pending="Revoking…" />;
}
