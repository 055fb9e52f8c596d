import { z } from "zod";
import { nextScheduledScan } from "@/lib/sources/next-scheduled-scan";

/**
 * A source's schedule as a form or an API sends it: a cron expression (UTC) that pg-boss can evaluate, or
 * an empty value for "on demand only" (null).
 */
export const scheduleField = z
  .string()
  .trim()
  .max(100)
  .transform((value) => (value === "" ? null : value))
  .refine((value) => value === null || nextScheduledScan({ schedule: value }) !== null, {
    message: "a cron expression (minute hour day month weekday, UTC), e.g. 0 3 * * *",
  });
