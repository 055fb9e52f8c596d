/**
 * The UTC calendar day of an instant as `YYYY-MM-DD`, the key of every daily rollup. UTC because scans run
 * on UTC cron schedules and a reader's time zone must not move a scan to another day's row.
 */
export function utcDay(opts: { date?: Date; minusDays?: number } = {}): string {
  const date = new Date(opts.date ?? Date.now());
  date.setUTCDate(date.getUTCDate() - (opts.minusDays ?? 0));
  return date.toISOString().slice(0, 10);
}
