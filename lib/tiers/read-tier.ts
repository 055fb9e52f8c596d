/** Tiers a service can have: 1 is the most critical, 4 the least (as OpsLevel, Cortex and Soundcheck count them). */
export const TIERS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

/** Where a service declares its tier: a Backstage annotation, a Kubernetes label of its workloads. */
export const TIER_ANNOTATION = "dozen.dev/tier";
export const TIER_LABEL = "dozen.dev/tier";

/**
 * A declared tier: an integer 1–4, or its digits as a string (annotations and labels are strings). Anything
 * else (0, 5, 1.5, "gold") is a problem sentence, never an exception: a wrong tier is ignored, not fatal.
 * `undefined` and `null` declare nothing. Pure.
 */
export function readTier(value: unknown): { tier: Tier } | { problem: string } | null {
  if (value === undefined || value === null) return null;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 4) return { tier: n as Tier };
  const shown =
    typeof value === "string"
      ? `"${value.slice(0, 40)}"`
      : typeof value === "number"
        ? String(value)
        : "a " + (Array.isArray(value) ? "list" : typeof value);
  return { problem: `tier ${shown} is not 1, 2, 3 or 4; ignored` };
}
