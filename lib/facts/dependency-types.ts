import type { DependencyManifest } from "@/lib/facts/types";

/** One declared dependency: name, version spec as written (null when none), 1-based line, dev/test only. */
export type Dependency = DependencyManifest["dependencies"][number];

/** What each per-ecosystem parser returns; `problems` are shown as skipped reasons, never thrown. */
export interface ParsedDependencies {
  dependencies: Dependency[];
  problems: string[];
}
