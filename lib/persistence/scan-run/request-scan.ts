import type { PgBoss } from "pg-boss";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { QUEUES, type ScanSourcePayload } from "@/lib/jobs/queues";
import { rulesVersion } from "@/lib/rules/rules-version";

/**
 * Records a queued scan of a source and hands it to the workers. A source that already has a queued or
 * running scan gets that one back instead of a second: "scan now" pressed twice scans once. A paused source
 * is scanned when asked (only its schedule is paused); an unknown or deleted one throws NotFoundError.
 * With `audit` (a person or token asked), the new scan's `scan.start` event commits with its row.
 */
export async function requestScan(opts: {
  boss: PgBoss;
  sourceId: number;
  trigger: "manual" | "schedule" | "startup" | "api";
  audit?: AuditContext;
}): Promise<{ scanId: number; alreadyRunning: boolean }> {
  const source = await db().source.findUnique({ where: { id: opts.sourceId }, select: { name: true, deletedAt: true } });
  if (!source || source.deletedAt) throw new NotFoundError(`no source with id ${opts.sourceId}`);
  const pending = await db().scan.findFirst({
    where: { sourceId: opts.sourceId, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (pending) return { scanId: pending.id, alreadyRunning: true };
  const scan = await db().$transaction(async (tx) => {
    const row = await tx.scan.create({
      data: { sourceId: opts.sourceId, trigger: opts.trigger, rulesVersion: rulesVersion() },
      select: { id: true },
    });
    if (opts.audit)
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: "scan.start",
        target: { kind: "source", id: opts.sourceId, name: source.name },
        detail: { scanId: row.id, trigger: opts.trigger },
      });
    return row;
  });
  const payload: ScanSourcePayload = { scanId: scan.id };
  // singletonKey: the same scan is never queued twice, even if this call is retried.
  await opts.boss.send(QUEUES.scanSource, payload, {
    singletonKey: `scan-${scan.id}`,
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 30 * 60,
    // A worker that dies holding the scan (killed, out of memory) stops refreshing this: the scan is retried
    // by another worker within about a heartbeat and a half, not after the 30 minutes of expiry.
    heartbeatSeconds: env().DOZEN_JOB_HEARTBEAT_SECONDS,
    // The last failure (error, expiry or a dead worker) closes the scan there, so it never stays running
    // and blocks this source's next scan.
    deadLetter: QUEUES.scanSourceFailed,
  });
  return { scanId: scan.id, alreadyRunning: false };
}
