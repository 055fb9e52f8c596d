/** One day of an initiative's (or one team's part of it) progress: services the goal applies to, and how many meet it. */
export interface ProgressDay {
  day: string;
  services: number;
  met: number;
}

/** on track, at risk (projected to miss the deadline), late (the deadline passed, services left), done (all met). */
export type ProgressState = "done" | "onTrack" | "atRisk" | "late";

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Where progress is heading, pure: the services still to fix at the current pace — met services gained per
 * day from the first day of `history` to the last (oldest first) — carried to the deadline; at risk when
 * that pace leaves services unmet. A single day of history has no pace yet: on track until a second day
 * says otherwise. `today` and `deadline` are UTC days (YYYY-MM-DD); past the deadline with services left it
 * is late, whatever the pace.
 */
export function projectProgress(opts: { history: readonly ProgressDay[]; deadline: string; today: string }): {
  state: ProgressState;
  projectedMet: number;
  left: number;
} {
  const last = opts.history.at(-1);
  if (!last) return { state: opts.today > opts.deadline ? "late" : "onTrack", projectedMet: 0, left: 0 };
  const left = last.services - last.met;
  if (left <= 0) return { state: "done", projectedMet: last.met, left: 0 };
  if (opts.today > opts.deadline) return { state: "late", projectedMet: last.met, left };
  const first = opts.history[0]!;
  const span = daysBetween(first.day, last.day);
  if (span <= 0) return { state: "onTrack", projectedMet: last.met, left };
  const pace = Math.max(0, last.met - first.met) / span;
  const projectedMet = Math.min(last.services, last.met + pace * Math.max(0, daysBetween(last.day, opts.deadline)));
  return { state: projectedMet >= last.services ? "onTrack" : "atRisk", projectedMet: Math.floor(projectedMet), left };
}
