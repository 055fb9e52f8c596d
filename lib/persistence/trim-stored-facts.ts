import type { ServiceFacts, TextFile } from "@/lib/facts/types";

/** The most a target's stored facts may take as JSON: small enough that its write fits one short transaction. */
export const MAX_STORED_FACTS_BYTES = 1024 * 1024;

/**
 * A service's facts as a scan stores them (`ScanTarget.facts`): what was derived from its files (Dockerfiles,
 * manifests, compose, dependencies, secret candidates with their redacted previews, deploy excerpts, owners),
 * never the files' texts. `textFiles` keeps each read file's path and language only. `trimmed` names the
 * lists cut to fit MAX_STORED_FACTS_BYTES, if any. Judging a commit again needs its files again: a rescan
 * of an unchanged commit reuses its stored findings instead (scan-repository-job).
 */
export type StoredServiceFacts = Omit<ServiceFacts, "textFiles"> & {
  textFiles: Pick<TextFile, "path" | "language" | "generated">[];
  trimmed?: string[];
};

// Cut in this order until the facts fit: the longest lists of least use to a reader first.
const CUTS: { list: string; keep: number; cut: (f: StoredServiceFacts, keep: number) => StoredServiceFacts }[] = [
  { list: "files", keep: 2000, cut: (f, keep) => ({ ...f, files: f.files.slice(0, keep) }) },
  { list: "textFiles", keep: 2000, cut: (f, keep) => ({ ...f, textFiles: f.textFiles.slice(0, keep) }) },
  { list: "skipped", keep: 500, cut: (f, keep) => ({ ...f, skipped: f.skipped.slice(0, keep) }) },
  { list: "secretCandidates", keep: 500, cut: (f, keep) => ({ ...f, secretCandidates: f.secretCandidates.slice(0, keep) }) },
  {
    list: "dependencyManifests",
    keep: 500,
    cut: (f, keep) => ({
      ...f,
      dependencyManifests: f.dependencyManifests.map((m) => ({ ...m, dependencies: m.dependencies.slice(0, keep) })),
    }),
  },
  { list: "deployExcerpts", keep: 50, cut: (f, keep) => ({ ...f, deployExcerpts: f.deployExcerpts?.slice(0, keep) }) },
  {
    list: "compose",
    keep: 100,
    cut: (f, keep) => ({ ...f, compose: f.compose.slice(0, keep).map((c) => ({ ...c, services: c.services.slice(0, keep) })) }),
  },
  {
    list: "dockerfiles",
    keep: 500,
    cut: (f, keep) => ({
      ...f,
      dockerfiles: f.dockerfiles.slice(0, 20).map((d) => ({ ...d, instructions: d.instructions.slice(0, keep) })),
    }),
  },
  {
    list: "procfiles",
    keep: 100,
    cut: (f, keep) => ({ ...f, procfiles: f.procfiles.slice(0, 20).map((p) => ({ ...p, processes: p.processes.slice(0, keep) })) }),
  },
  { list: "manifests", keep: 200, cut: (f, keep) => ({ ...f, manifests: f.manifests.slice(0, keep) }) },
  { list: "files", keep: 200, cut: (f, keep) => ({ ...f, files: f.files.slice(0, keep) }) },
  { list: "textFiles", keep: 200, cut: (f, keep) => ({ ...f, textFiles: f.textFiles.slice(0, keep) }) },
  {
    list: "dependencyManifests",
    keep: 50,
    cut: (f, keep) => ({
      ...f,
      dependencyManifests: f.dependencyManifests.slice(0, keep).map((m) => ({ ...m, dependencies: m.dependencies.slice(0, keep) })),
    }),
  },
  { list: "manifests", keep: 20, cut: (f, keep) => ({ ...f, manifests: f.manifests.slice(0, keep) }) },
  { list: "secretCandidates", keep: 50, cut: (f, keep) => ({ ...f, secretCandidates: f.secretCandidates.slice(0, keep) }) },
  { list: "skipped", keep: 50, cut: (f, keep) => ({ ...f, skipped: f.skipped.slice(0, keep) }) },
  // Last: what only a cluster audit's drift reads; without it the repository side declares nothing.
  { list: "manifests", keep: 0, cut: (f, keep) => ({ ...f, manifests: f.manifests.slice(0, keep) }) },
  { list: "deployExcerpts", keep: 0, cut: (f, keep) => ({ ...f, deployExcerpts: f.deployExcerpts?.slice(0, keep) }) },
];

/**
 * The facts to store for a service: its files' texts dropped (20 MB of source made 43.5 MB of JSON whose write
 * outlived Prisma's 5 s transaction), then, while the JSON is still over `maxBytes`, the longest lists cut
 * (each cut named in `trimmed`). What a reader of stored facts uses (owners, manifests, dozen.yaml, deploy
 * declarations) is kept first. Pure.
 */
export function trimStoredFacts(opts: { facts: ServiceFacts; maxBytes?: number }): StoredServiceFacts {
  const maxBytes = opts.maxBytes ?? MAX_STORED_FACTS_BYTES;
  const { textFiles, ...rest } = opts.facts;
  let stored: StoredServiceFacts = {
    ...rest,
    textFiles: textFiles.map((t) => ({ path: t.path, language: t.language, ...(t.generated ? { generated: t.generated } : {}) })),
  };
  const trimmed: string[] = [];
  let size = bytesOf(stored);
  for (const { list, keep, cut } of CUTS) {
    if (size <= maxBytes) break;
    const smaller = cut(stored, keep);
    const smallerSize = bytesOf(smaller);
    if (smallerSize < size && !trimmed.includes(list)) trimmed.push(list);
    [stored, size] = [smaller, smallerSize];
  }
  return trimmed.length > 0 ? { ...stored, trimmed } : stored;
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}
