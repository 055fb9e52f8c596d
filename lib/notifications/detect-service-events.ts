import type { EventKind } from "@/lib/notifications/channel-kinds";

/** What notifications last saw of a service, and what its newest scan says (Service.latest*). */
export interface ServiceState {
  score: number | null;
  grade: string | null;
  /** Ids of the checks it failed. */
  failing: readonly string[];
}

export interface ServiceEvent {
  kind: Extract<EventKind, "grade.dropped" | "score.dropped" | "check.failing" | "check.fixed">;
  from: number | null;
  to: number | null;
  /** Points lost (positive) for grade.dropped and score.dropped. */
  drop?: number;
  fromGrade?: string | null;
  toGrade?: string | null;
  /** check.failing: the checks failing now that did not before; check.fixed: the ones that pass now. */
  checks?: string[];
}

const RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, F: 4 };
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The events one scan of a service gives, comparing what notifications last saw (`before`, null the first
 * time: that scan only sets the baseline, so adding Dozen to a fleet sends nothing) with what it says now
 * (`after`, and `passing`: the checks it passes now, so a check that stops applying is not called fixed).
 * A worse grade is `grade.dropped`; a lower score with the same grade is `score.dropped` (each channel has
 * its own threshold); newly failing checks are one `check.failing`; checks passing again one `check.fixed`.
 * Pure, so the rules are tested without a database.
 */
export function detectServiceEvents(opts: {
  before: ServiceState | null;
  after: ServiceState;
  passing: readonly string[];
}): ServiceEvent[] {
  const { before, after } = opts;
  if (!before) return [];
  const events: ServiceEvent[] = [];
  const [from, to] = [before.score, after.score];
  const drop = from !== null && to !== null ? round(from - to) : 0;
  const worse = before.grade !== null && after.grade !== null && (RANK[after.grade] ?? -1) > (RANK[before.grade] ?? 99);
  if (worse) events.push({ kind: "grade.dropped", from, to, drop, fromGrade: before.grade, toGrade: after.grade });
  else if (drop >= 0.1) events.push({ kind: "score.dropped", from, to, drop, fromGrade: before.grade, toGrade: after.grade });
  const was = new Set(before.failing);
  const newly = after.failing.filter((id) => !was.has(id)).sort();
  if (newly.length) events.push({ kind: "check.failing", from, to, checks: newly });
  const passing = new Set(opts.passing);
  const fixed = before.failing.filter((id) => passing.has(id)).sort();
  if (fixed.length) events.push({ kind: "check.fixed", from, to, checks: fixed });
  return events;
}
