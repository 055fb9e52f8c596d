import type { CodeownersMatch, DeclaredTier, OwnerFile } from "@/lib/facts/types";

/** A service root found under a local source directory. */
export interface DiscoveredService {
  /** catalog-info.yaml metadata.name, else dozen.yaml name, else the directory's name. */
  name: string;
  /** Directory relative to the source root, POSIX separators; "." for the root itself. */
  path: string;
  /** From catalog-info.yaml spec.owner, CODEOWNERS (source root's and the service's own), dozen.yaml. */
  owners: string[];
  /** The file the first owner came from; absent without owners. */
  ownerFrom?: OwnerFile;
  codeowners?: CodeownersMatch;
  /** The tier its catalog-info.yaml or dozen.yaml declares, and those it declared wrongly (ignored). */
  declaredTier?: DeclaredTier;
  tierProblems?: string[];
}

/** Bounds on what one service's collection reads, so a huge or hostile tree cannot exhaust the worker. */
export interface CollectLimits {
  /** Larger files are listed but not read (skipped "too large"). */
  maxFileBytes: number;
  /** Files listed in `facts.files`; the rest are skipped with one summary entry. */
  maxFiles: number;
  /** Beyond this many files the service is not a service but a mistake (a data dump, a home dir): the target fails (DOZEN_SERVICE_MAX_FILES). */
  abortFileCount: number;
  /** Total text read per service; later files are skipped "total text limit". */
  maxTotalBytes: number;
}

export const DEFAULT_COLLECT_LIMITS: CollectLimits = {
  maxFileBytes: 512 * 1024,
  maxFiles: 5_000,
  abortFileCount: 50_000,
  maxTotalBytes: 20 * 1024 * 1024,
};
