import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/sources/kinds/registry";
import { sourceName, sourceSchedule } from "@/lib/sources/source-input";
import { apiConfigOf } from "@/lib/api/source-config";
import { pageOf, pageQuery, timestamp } from "@/lib/api/schemas/common";

const kinds = Object.values(SOURCE_KINDS);

/**
 * `POST /api/v1/sources`: `{ kind, name, schedule, config }`, config being that kind's own (derived from the
 * kind's module, so a new kind needs nothing here). A schedule is a cron expression (UTC), null for on
 * demand only, omitted for the server's DOZEN_DEFAULT_SCHEDULE.
 */
export const createSourceBody = z
  .discriminatedUnion(
    "kind",
    kinds.map((k) =>
      z
        .object({ kind: z.literal(k.kind), name: sourceName, schedule: sourceSchedule, config: apiConfigOf(k) })
        .meta({ id: `Create${k.kind[0]?.toUpperCase()}${k.kind.slice(1)}Source`, description: k.label }),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
  .meta({ id: "CreateSource" });

const lastScan = z.object({
  id: z.number().int(),
  status: z.enum(["queued", "running", "succeeded", "partial", "failed"]),
  trigger: z.string(),
  targetsTotal: z.number().int(),
  targetsDone: z.number().int(),
  targetsFailed: z.number().int(),
  error: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});

// Every kind's source; each kind adds its own config below. Typed as this one object (config a record):
// TypeScript cannot name a union built from the registry, while parsing goes through the union, so each
// kind's config is checked and stripped by its own schema.
const sourceShape = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(kinds.map((k) => k.kind) as [string, ...string[]]),
  location: z.string().meta({ description: "Directory, organisation or kubeconfig context." }),
  credentials: z.string().nullable().meta({ description: "Where the credentials come from, by name only." }),
  schedule: z.string().nullable().meta({ description: "Cron expression (UTC); null: scanned on demand only." }),
  pausedAt: timestamp.nullable().meta({ description: "When it was paused (no scheduled scans until resumed); null: running." }),
  nextScanAt: timestamp.nullable(),
  services: z.number().int().meta({ description: "Live services found in it." }),
  lastScan: lastScan.nullable(),
  config: z.record(z.string(), z.unknown()),
});

/**
 * A source: what it is, where its credentials come from (by name, never a value), its schedule, last scan
 * and its kind's config in the shape `POST /api/v1/sources` takes it (credentials as environment variable
 * names or a kubeconfig path only: Dozen never stores a credential's value).
 */
export const sourceSchema = z
  .discriminatedUnion(
    "kind",
    kinds.map((k) =>
      sourceShape
        .extend({
          kind: z.literal(k.kind),
          config: apiConfigOf(k).meta({ description: `The ${k.kind} source's config, as CreateSource takes it.` }),
        })
        .meta({ id: `${k.kind[0]?.toUpperCase()}${k.kind.slice(1)}Source`, description: k.label }),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
  .meta({ id: "Source" }) as unknown as typeof sourceShape;

export const sourceListQuery = pageQuery;
export const sourceList = pageOf(sourceSchema).meta({ id: "SourceList" });

/**
 * `PATCH /api/v1/sources/{id}`: what to change. Omitted fields stay; `schedule: null` makes it on demand;
 * `config` holds the kind's config fields to change (a `null` value drops one back to its default). The
 * kind cannot change.
 */
export const updateSourceBody = z
  .object({
    name: sourceName.optional(),
    schedule: sourceSchedule,
    config: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: "Fields of the source kind's config (as in CreateSource) to change; null drops one." }),
  })
  .strict()
  .meta({ id: "UpdateSource" });
