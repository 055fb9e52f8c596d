"use client";

import { moveOwnershipRule } from "@/lib/actions/move-ownership-rule";
import { RowActionButton } from "@/components/ui/row-action-button";

/**
 * A UI rule's "Move up" / "Move down" (none past either end): swaps it with its neighbour, ownership re-applied
 * at once. Each button's accessible name says which rule goes where ("Move rule 2 up, to rule 1").
 */
export function MoveRuleButtons({ id, position, count }: { id: number; position: number; count: number }) {
  const move = (to: number, way: "up" | "down") => (
    <RowActionButton
      action={moveOwnershipRule}
      fields={{ id, position: to }}
      label={`Move rule ${position} ${way}, to rule ${to}`}
      text={`Move ${way}`}
      pending="Moving…"
      tone="plain"
    />
  );
  return (
    <>
      {position > 1 ? move(position - 1, "up") : null}
      {position < count ? move(position + 1, "down") : null}
    </>
  );
}
