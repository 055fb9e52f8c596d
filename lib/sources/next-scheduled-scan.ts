import { PgBoss } from "pg-boss";

// Never started and given no database: it is only here for previewSchedule(), which walks an expression
// exactly as pg-boss's cron pass will (same parser, same options, rrules too), so the time shown is the
// time the worker fires, and what the forms accept is what schedule() accepts.
let previewer: PgBoss | undefined;
const noDatabase = {
  executeSql(): Promise<never> {
    return Promise.reject(new Error("the schedule previewer has no database"));
  },
};

/**
 * The next time (UTC cron) a source's schedule fires strictly after `from`; null for an on-demand
 * source or an expression pg-boss would refuse.
 */
export function nextScheduledScan(opts: { schedule: string | null; from?: Date }): Date | null {
  if (!opts.schedule) return null;
  previewer ??= new PgBoss({ db: noDatabase, schedule: false, supervise: false });
  try {
    return previewer.previewSchedule(opts.schedule, { tz: "UTC", from: opts.from ?? new Date(), count: 1 })[0] ?? null;
  } catch {
    return null;
  }
}
