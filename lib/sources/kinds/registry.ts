import { scanGitHub } from "@/lib/sources/kinds/github/scan-source";
import { scanLocal } from "@/lib/sources/kinds/local/scan-source";
import { scanKubernetes } from "@/lib/sources/kinds/kubernetes/scan-source";
import type { SourceScanner } from "@/lib/sources/kinds/types";

/** The scanner for each source kind; a kind without one fails its scans with a clear reason. */
export const SCANNERS: Partial<Record<string, SourceScanner>> = {
  local: scanLocal,
  kubernetes: scanKubernetes,
  github: scanGitHub,
};
