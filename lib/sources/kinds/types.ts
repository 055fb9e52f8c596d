import type { ParseArgsConfig } from "node:util";
import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { z } from "zod";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import type { JobDefinition } from "@/lib/jobs/define-job";
import type { ScanSource } from "@/lib/persistence/scan-run/start-scan";

export type { SourceKind };

export interface ScanContext {
  scanId: number;
  source: ScanSource;
  boss: PgBoss;
  log: Logger;
  /** Aborted on SIGTERM: check it between targets and throw to release the job for retry. */
  signal: AbortSignal;
}

/**
 * Scans one source of a kind. It persists targets (one transaction each) and returns when the scan is
 * finished (it called finishScan) or handed off (it fanned out jobs that will finish it).
 */
export type SourceScanner = (ctx: ScanContext) => Promise<void>;

/** What a kind's scanning brings to a worker: its scanner and any jobs of its own (a fan-out's per-item job). */
export interface SourceKindWorker {
  scan: SourceScanner;
  jobs: JobDefinition[];
}

/**
 * One control of an add-source form, as data: `components/sources` renders it and `readSourceForm` reads it
 * back into the kind's input, so the form, its reading and the input schema stay one description. `name` is
 * the field's path in the input ("config.tokenEnv"), so zod's issue paths name the very field to mark.
 * Text in hints and notes may hold `code` in backticks.
 */
export type FormField =
  | {
      type: "text";
      name: string;
      label: string;
      hint?: string;
      placeholder?: string;
      required?: boolean;
      mono?: boolean;
      defaultValue?: string;
      list?: boolean;
    }
  | { type: "checkbox"; name: string; label: string; defaultChecked?: boolean }
  | { type: "radio"; name: string; legend: string; defaultValue: string; options: { value: string; label: string }[] }
  | {
      /** Picks which group of fields applies; not an input value itself, but an option may `set` input values. */
      type: "choice";
      name: string;
      legend: string;
      defaultValue: string;
      /** The input path whose error belongs on this choice (e.g. "config.inCluster"). */
      errorFor?: string;
      options: { value: string; label: string; fields: FormField[]; note?: string; sets?: Record<string, unknown> }[];
    }
  | { type: "row"; fields: FormField[] };

/** A Source row as a kind reads it back: what its input made of it. */
export interface StoredSource {
  name: string;
  schedule: string | null;
  location: string;
  config: unknown;
}

/** What the sources page shows of a source beyond what every kind has, each block only for the kinds that have it. */
export interface SourceExtras {
  /** Fan-out sources (GitHub): repositories per status, and the most recently failed with their reasons. */
  repositories?: {
    counts: Record<string, number>;
    total: number;
    failed: { fullName: string; lastError: string | null; failures: number; retryAt: string | null }[];
  };
  /** API budget left on the source's credential. */
  rateLimit?: { limit: number | null; remaining: number; resetAt: string; exhausted: boolean } | null;
  /** Cluster sources: live workloads and those no service of another source claimed. */
  workloads?: { total: number; unmapped: number };
}

/**
 * Everything Dozen knows about one kind of source, in one folder (`lib/sources/kinds/<kind>/`): how it is
 * added (input schema, form, CLI options), where its credentials come from (by name, never a value), how it
 * is scanned, and what its card shows. `lib/sources/kinds/registry.ts` lists the kinds by the SourceKind enum.
 */
export interface SourceKindModule<I extends z.ZodType = z.ZodType> {
  kind: SourceKind;
  /** What the kind is, for pickers and messages: "GitHub organisation or user". */
  label: string;
  /** The badge on a source's card: "GitHub". */
  shortLabel: string;
  /** What adding a source of this kind takes (API body, CLI, form): name, schedule and the kind's own fields. */
  input: I;
  /** The Source row's location and config from a parsed input (config never holds a credential). */
  toSource(input: z.output<I>): { location: string; config: object | null };
  /** The input that would make a stored source again (toSource's inverse): what an edit starts from. */
  fromSource(source: StoredSource): Record<string, unknown>;
  /** What only the server can judge (a directory exists, a kubeconfig is set); throws ValidationError. */
  validate?(input: z.output<I>): Promise<void>;
  /** The form field a server-side refusal belongs to ("form" when unset). */
  refusedField?: string;
  /** Where the credentials come from, by name (an env variable, a kubeconfig path); null when none. */
  describeCredentials(config: unknown): string | null;
  /** The add-source form: a placeholder for its name, its own fields and its button. */
  form: { namePlaceholder: string; submitLabel: string; fields: FormField[] };
  /** `dozen sources add <kind> <name> [options]`: the options and how they become an input. */
  cli?: {
    options: NonNullable<ParseArgsConfig["options"]>;
    toInput(opts: { name: string; schedule: string | null | undefined; values: Record<string, unknown> }): unknown;
  };
  /** True when a scan hands its work to jobs of its own, which close the scan (its source job must not). */
  fansOut?: boolean;
  /** The scanner and jobs, loaded only by the processes that scan (the web process never does). */
  worker(): Promise<SourceKindWorker>;
  /** The extras of some sources of this kind, for the sources page. */
  extras?(opts: { sourceIds: number[]; now: Date }): Promise<Map<number, SourceExtras>>;
}
