/**
 * Why one target could not be collected; its message is shown as that target's error while the other
 * targets still succeed.
 */
export class CollectError extends Error {
  override name = "CollectError";
}
