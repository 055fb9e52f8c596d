import { z } from "zod";
import { pageOf, pageQuery, timestamp } from "@/lib/api/schemas/common";

const scanStatus = z.enum(["queued", "running", "succeeded", "partial", "failed"]);
const id = z.coerce.number().int().positive();

export const scanListQuery = pageQuery.extend({
  sourceId: id.optional().meta({ description: "Only this source's scans." }),
  status: scanStatus.optional(),
});

/** A scan: its source, state, progress over its targets and times. */
export const scanSummary = z
  .object({
    id: z.number().int(),
    sourceId: z.number().int(),
    source: z.string().meta({ description: "The source's name." }),
    status: scanStatus,
    trigger: z.string().meta({ description: "manual, schedule, startup or api." }),
    targetsTotal: z.number().int().meta({ description: "Targets known so far; 0 until the scan has listed them." }),
    targetsDone: z.number().int(),
    targetsFailed: z.number().int(),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: "Scan" });

export const scanList = pageOf(scanSummary).meta({ id: "ScanList" });

/** One target of a scan (a repository, directory or workload), and how it went. */
export const scanTarget = z
  .object({
    id: z.number().int(),
    targetKey: z.string().meta({ description: "Path or name of the target inside its source." }),
    service: z.string().nullable().meta({ description: "The service's slug; null when it failed before it became one." }),
    status: z.enum(["succeeded", "failed"]),
    error: z.string().nullable(),
    commit: z.string().nullable(),
    score: z.number().nullable(),
    grade: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "ScanTarget" });

/** `GET /api/v1/scans/{id}`: the scan and a page of its targets (`?limit=&cursor=` page the targets). */
export const scanDetail = scanSummary
  .extend({ targets: pageOf(scanTarget) })
  .meta({ id: "ScanDetail", description: "A scan with one page of its targets, in the order they were recorded." });

export const scanDetailQuery = pageQuery;
export const idParams = z.object({ id });

/** `POST /api/v1/scans`: scan a source now. */
export const createScanBody = z.object({ sourceId: z.number().int().positive() }).meta({ id: "CreateScan" });
