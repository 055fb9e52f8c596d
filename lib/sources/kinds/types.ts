import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";

export interface ScanContext {
  scanId: number;
  source: { id: number; name: string; kind: string; location: string; config: unknown };
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
