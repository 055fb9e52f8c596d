"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendPoint {
  /** ISO date (YYYY-MM-DD) or timestamp. */
  day: string;
  score: number | null;
}

// Rollup days are UTC days: formatting them in the reader's zone would show a day too early west of Greenwich.
const dayFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * A 0–100 score over time. The box has a fixed height so the page does not jump when the chart mounts,
 * and a text summary stands in for the drawing for screen readers.
 */
export function ScoreTrendChart({ points, label }: { points: TrendPoint[]; label: string }) {
  const scored = points.filter((p) => p.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const summary =
    first && last
      ? `${label}: ${first.score} on ${dayFormat.format(new Date(first.day))}, ${last.score} on ${dayFormat.format(new Date(last.day))}.`
      : `${label}: no history yet.`;
  return (
    <figure className="h-48 w-full" aria-label={summary}>
      <figcaption className="sr-only">{summary}</figcaption>
      {scored.length < 2 ? (
        <p className="flex h-full items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
          The trend appears after a second day of scans.
        </p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="day" tickFormatter={(d: string) => dayFormat.format(new Date(d))} fontSize={11} stroke="currentColor" />
            <YAxis domain={[0, 100]} fontSize={11} stroke="currentColor" />
            <Tooltip labelFormatter={(d) => dayFormat.format(new Date(String(d)))} />
            <Line type="monotone" dataKey="score" stroke="#0369a1" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
