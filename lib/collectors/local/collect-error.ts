import { DozenError } from "@/lib/errors";

/**
 * Why one target could not be collected; its message is shown as that target's error while the other
 * targets still succeed.
 */
export class CollectError extends DozenError {
  override name = "CollectError";
}
