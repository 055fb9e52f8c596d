import { scanGitHub } from "@/workers/scanners/scan-github";
import { scanLocal } from "@/workers/scanners/scan-local";
import { scanKubernetes } from "@/workers/scanners/scan-kubernetes";
import type { SourceScanner } from "@/workers/scanners/types";

/** The scanner for each source kind; a kind without one fails its scans with a clear reason. */
export const SCANNERS: Partial<Record<string, SourceScanner>> = {
  local: scanLocal,
  kubernetes: scanKubernetes,
  github: scanGitHub,
};
