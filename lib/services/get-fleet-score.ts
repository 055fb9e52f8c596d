import { db } from "@/lib/db";

/** The fleet's headline: how many live services there are and their mean latest score (null before any scan). */
export async function getFleetScore(): Promise<{ services: number; score: number | null }> {
  const stats = await db().service.aggregate({ where: { goneAt: null }, _count: { _all: true }, _avg: { latestScore: true } });
  const avg = stats._avg.latestScore;
  return { services: stats._count._all, score: avg === null ? null : Math.round(avg * 10) / 10 };
}
