/** One day of a score trend: the UTC day, the mean score (null when nothing was scored) and, for a fleet or team, how many services it covers. */
export interface TrendPoint {
  day: string;
  score: number | null;
  services: number;
}

/** A raw rollup row as the trend queries select it. */
export interface TrendRow {
  day: Date;
  score: number | null;
  services: number | null;
}

/** Rows → points: day as `YYYY-MM-DD`, score rounded to one decimal as every page shows it. */
export function toTrendPoints(opts: { rows: TrendRow[] }): TrendPoint[] {
  return opts.rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    score: r.score === null ? null : Math.round(r.score * 10) / 10,
    services: r.services ?? 0,
  }));
}
