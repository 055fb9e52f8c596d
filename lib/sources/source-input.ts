import { z } from "zod";
import { scheduleField } from "@/lib/sources/schedule-field";

/** A source's name: unique across sources, shown on every page that names it. */
export const sourceName = z.string().trim().min(1).max(100);

/**
 * A source's schedule as an input takes it: a cron expression (UTC) that pg-boss can evaluate (the same
 * parser the scheduler runs), null or "" for "on demand only", omitted for DOZEN_DEFAULT_SCHEDULE.
 */
export const sourceSchedule = scheduleField.nullable().optional();
