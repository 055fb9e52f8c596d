import { z } from "zod";
import { ROLES } from "@/lib/auth/principal";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a token lives: `90d`, `12h`, `1y`, or `never`. The admin command and the settings page both
 * take it, so they refuse the same things.
 */
export const expiresInField = z
  .string()
  .trim()
  .regex(/^(never|\d{1,4}[hdy])$/, "a duration such as 90d, 12h or 1y, or never")
  .refine((v) => v === "never" || Number(v.slice(0, -1)) > 0, "a duration longer than zero");

/** What making a token takes, from the settings page's form or `dozen tokens create`. */
export const createApiTokenInput = z.object({
  name: z.string().trim().min(1, "a name, so people know what the token is for").max(100, "at most 100 characters"),
  role: z.enum(ROLES, { error: "viewer, maintainer or admin" }),
  /** Team slugs a maintainer token is limited to; empty: every team. */
  teams: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9][a-z0-9._-]*$/, "team slugs (lower case, digits, . _ -)"),
    )
    .max(50)
    .default([]),
  expiresIn: expiresInField.default("90d"),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

/** When a token made at `now` with `expiresIn` expires; null for `never`. */
export function expiryOf(opts: { expiresIn: string; now: Date }): Date | null {
  if (opts.expiresIn === "never") return null;
  const amount = Number(opts.expiresIn.slice(0, -1));
  const unit = opts.expiresIn.slice(-1);
  const ms = unit === "h" ? amount * 60 * 60 * 1000 : unit === "d" ? amount * DAY_MS : amount * 365 * DAY_MS;
  return new Date(opts.now.getTime() + ms);
}
