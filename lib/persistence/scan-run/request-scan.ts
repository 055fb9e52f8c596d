import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { QUEUES, type ScanSourcePayload } from "@/lib/jobs/queues";
import { rulesVersion } from "@/lib/rules/rules-version";

/**
 * Records a queued scan of a source and hands it to the workers. A source that already has a queued or
 * running scan gets that one back instead of a second: "scan now" pressed twice scans once. A paused source
 * is scanned when asked (only its schedule is paused); an unknown or deleted one throws NotFoundError.
 */
export async function requestScan(opts: {
  boss: PgBoss;
  sourceId: number;
  trigger: "manual" | "schedule" | "startup" | "api";
}): Promise<{ scanId: number; alreadyRunning: boolean }> {
  const source = await db().source.findUnique({ where: { id: opts.sourceId }, select: { deletedAt: true } });
  if (!source || source.deletedAt) throw new NotFoundError(`no source with id ${opts.sourceId}`);
  const pending = await db().scan.findFirst({
    where: { sourceId: opts.sourceId, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (pending) return { scanId: pending.id, alreadyRunning: true };
  const scan = await db().scan.create({
    data: { sourceId: opts.sourceId, trigger: opts.trigger, rulesVersion: rulesVersion() },
    select: { id: true },
  });
  const payload: ScanSourcePayload = { scanId: scan.id };
  // singletonKey: the same scan is never queued twice, even if this call is retried.
  await opts.boss.send(QUEUES.scanSource, payload, {
    singletonKey: `scan-${scan.id}`,
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 30 * 60,
    // The last failure (error, expiry or a dead worker) closes the scan there, so it never stays running
    // and blocks this source's next scan.
    deadLetter: QUEUES.scanSourceFailed,
  });
  return { scanId: scan.id, alreadyRunning: false };
}
