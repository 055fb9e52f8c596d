import type { FactorId } from "@/lib/factors/factors";
import type { Finding, ServiceFacts } from "@/lib/rules/types";

/** A–F from the 0–100 service score; "N/A" when no check applied at all. */
export type Grade = "A" | "B" | "C" | "D" | "F" | "N/A";

export interface FactorScoreResult {
  factor: FactorId;
  /** 0–100 weighted share of applicable checks that pass; null when none applied. */
  score: number | null;
  passed: number;
  failed: number;
}

export interface ServiceScore {
  score: number | null;
  grade: Grade;
  factors: FactorScoreResult[];
}

/** One scanned target that produced facts: what the CLI prints and the worker persists. */
export interface ServiceScanResult extends ServiceScore {
  key: string;
  name: string;
  path: string;
  facts: ServiceFacts;
  findings: Finding[];
  durationMs: number;
}

/** One target that could not be scanned: kept with its reason, never fatal to the rest. */
export interface TargetFailure {
  key: string;
  name: string;
  path: string;
  error: string;
}

export interface ScanOutcome {
  services: ServiceScanResult[];
  failures: TargetFailure[];
}
