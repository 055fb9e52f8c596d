import { db } from "@/lib/db";

/**
 * The fleet's headline: how many live, scanned services there are and their mean latest score (null before
 * any scan), from the latest fleet rollup, which every scan rewrites: one row, whatever the fleet's size.
 */
export async function getFleetScore(): Promise<{ services: number; score: number | null }> {
  const latest = await db().dailyFleetScore.findFirst({ orderBy: { day: "desc" }, select: { services: true, score: true } });
  if (!latest) return { services: 0, score: null };
  return { services: latest.services, score: latest.score === null ? null : Math.round(latest.score * 10) / 10 };
}
