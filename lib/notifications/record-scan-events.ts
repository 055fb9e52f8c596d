import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { createLogger } from "@/lib/log/logger";
import { detectServiceEvents, type ServiceState } from "@/lib/notifications/detect-service-events";
import { describeServiceEvent } from "@/lib/notifications/describe-service-event";

type EventRow = Prisma.NotificationEventCreateManyInput;

const linkTo = (path: string) => {
  const base = env().DOZEN_PUBLIC_URL;
  return base ? new URL(path, base).toString() : null;
};

/**
 * Works out, once per closed scan, what its teams should be told, from what the scan already computed: each
 * scanned service's denormalised latest score, grade and checks (Service.latest*) against what notifications
 * last saw of it (ServiceNotificationState), or, for a failed scan, one `scan.failed` per team owning services
 * of the source. Events and the new state are written in one transaction and each event's key names the scan,
 * so running this twice for a scan records nothing twice. Nothing is sent here: the dispatch job turns events
 * into deliveries (never inline in a scan). A failure is logged, never thrown: notifications never fail a scan.
 */
export async function recordScanEvents(opts: {
  scanId: number;
  status: "succeeded" | "partial" | "failed";
  error: string | null;
}): Promise<{ events: number }> {
  try {
    // Nobody to tell: no state is kept either, so a fleet without channels pays nothing per scan, and the
    // first scan after a channel is added is the baseline (nothing about the past is told).
    if ((await db().notificationChannel.count()) === 0) return { events: 0 };
    return opts.status === "failed" ? await recordFailedScan(opts) : await recordServiceEvents(opts);
  } catch (err) {
    createLogger({ process: "notifications" }).error({ err, scanId: opts.scanId }, "notification events not recorded");
    return { events: 0 };
  }
}

async function recordFailedScan(opts: { scanId: number; error: string | null }): Promise<{ events: number }> {
  const scan = await db().scan.findUniqueOrThrow({
    where: { id: opts.scanId },
    select: { sourceId: true, source: { select: { name: true } } },
  });
  const teams = await db().team.findMany({
    where: { services: { some: { sourceId: scan.sourceId, goneAt: null } } },
    select: { id: true, name: true },
  });
  const rows: EventRow[] = teams.map((t) => ({
    key: `scan.failed:scan:${opts.scanId}:team:${t.id}`,
    kind: "scan.failed",
    teamId: t.id,
    scanId: opts.scanId,
    payload: {
      subject: `The scan of ${scan.source.name} failed`,
      lines: [`${opts.error ?? "no reason recorded"}. Scores of ${t.name}'s services in it are the previous scan's.`],
      url: linkTo(`/scans/${opts.scanId}`),
    },
  }));
  const made = await db().notificationEvent.createMany({ data: rows, skipDuplicates: true });
  return { events: made.count };
}

async function recordServiceEvents(opts: { scanId: number }): Promise<{ events: number }> {
  const services = await db().service.findMany({
    where: { targets: { some: { scanId: opts.scanId, status: "succeeded" } }, goneAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      latestScore: true,
      latestGrade: true,
      latestChecks: true,
      team: { select: { id: true, name: true } },
      notificationState: { select: { score: true, grade: true, failing: true } },
    },
  });
  if (services.length === 0) return { events: 0 };
  const rows: EventRow[] = [];
  const states: Prisma.Sql[] = [];
  for (const s of services) {
    const checks = Object.entries((s.latestChecks ?? {}) as Record<string, string>);
    const after: ServiceState = {
      score: s.latestScore,
      grade: s.latestGrade,
      failing: checks.filter(([, o]) => o === "fail").map(([id]) => id),
    };
    const passing = checks.filter(([, o]) => o === "pass").map(([id]) => id);
    states.push(Prisma.sql`(${s.id}::int, ${after.score}::float8, ${after.grade}::text, ${after.failing}::text[])`);
    if (!s.team) continue;
    for (const event of detectServiceEvents({ before: s.notificationState, after, passing })) {
      const text = describeServiceEvent({ event, service: s.name, team: s.team.name });
      rows.push({
        key: `${event.kind}:svc:${s.id}:scan:${opts.scanId}`,
        kind: event.kind,
        teamId: s.team.id,
        scanId: opts.scanId,
        payload: { ...text, url: linkTo(`/services/${s.slug}`), service: s.slug, ...event } as Prisma.InputJsonObject,
      });
    }
  }
  return db().$transaction(async (tx) => {
    const made = rows.length ? await tx.notificationEvent.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
    await tx.$executeRaw`
      INSERT INTO "ServiceNotificationState" ("serviceId", "score", "grade", "failing", "updatedAt")
      SELECT v.id, v.score, v.grade, v.failing, now() FROM (VALUES ${Prisma.join(states)}) AS v(id, score, grade, failing)
      ON CONFLICT ("serviceId") DO UPDATE SET "score" = EXCLUDED."score", "grade" = EXCLUDED."grade",
        "failing" = EXCLUDED."failing", "updatedAt" = EXCLUDED."updatedAt"`;
    return { events: made.count };
  });
}
