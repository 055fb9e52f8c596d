import type { Finding } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import type { ServiceScore } from "@/lib/scoring/types";

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
