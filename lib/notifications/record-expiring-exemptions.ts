import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createLogger } from "@/lib/log/logger";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const linkTo = (path: string) => {
  const base = env().DOZEN_PUBLIC_URL;
  return base ? new URL(path, base).toString() : null;
};

/**
 * One `exemption.expiring` event per exemption in force that expires within 7 days, for each team it covers (a
 * service's team; a team-wide one's team; a source-wide one's teams). The key names the exemption and its
 * expiry, so the sweep running every hour records it once, and an expiry moved later is told again when it
 * nears. Nothing is sent here (the dispatch job does); a failure is logged, never thrown.
 */
export async function recordExpiringExemptions(opts: { now?: Date } = {}): Promise<{ events: number }> {
  try {
    if ((await db().notificationChannel.count()) === 0) return { events: 0 };
    const now = opts.now ?? new Date();
    const soon = await db().exemption.findMany({
      where: { status: "active", expiredAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + WEEK_MS) } },
      select: {
        id: true,
        scope: true,
        ruleId: true,
        kind: true,
        reason: true,
        expiresAt: true,
        sourceId: true,
        service: { select: { slug: true, name: true, teamId: true } },
        team: { select: { id: true, slug: true, name: true } },
        source: { select: { name: true } },
      },
    });
    const rows: Prisma.NotificationEventCreateManyInput[] = [];
    for (const e of soon) {
      const teams = e.team
        ? [e.team.id]
        : e.service
          ? e.service.teamId === null
            ? []
            : [e.service.teamId]
          : (
              await db().team.findMany({
                where: { services: { some: { sourceId: e.sourceId ?? -1, goneAt: null } } },
                select: { id: true },
              })
            ).map((t) => t.id);
      const on = e.service?.name ?? (e.team ? `team ${e.team.name}` : `source ${e.source?.name ?? "?"}`);
      const day = new Date(e.expiresAt!.getTime() - 1).toISOString().slice(0, 10);
      for (const teamId of teams)
        rows.push({
          key: `exemption.expiring:${e.id}:${e.expiresAt!.toISOString()}:team:${teamId}`,
          kind: "exemption.expiring",
          teamId,
          payload: {
            subject: `The exemption of ${e.ruleId} on ${on} expires ${day}`,
            lines: [
              `${e.kind.replace("-", " ")}: ${e.reason}`,
              "After that the check counts against the score again: fix it, or renew the exemption.",
            ],
            url: linkTo(e.service ? `/services/${e.service.slug}` : e.team ? `/teams/${e.team.slug}` : "/"),
            exemption: e.id,
            checkId: e.ruleId,
            expiresAt: e.expiresAt!.toISOString(),
            ...(e.service ? { service: e.service.slug } : {}),
          },
        });
    }
    const made = rows.length ? await db().notificationEvent.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
    return { events: made.count };
  } catch (err) {
    createLogger({ process: "notifications" }).error({ err }, "exemption expiry events not recorded");
    return { events: 0 };
  }
}
