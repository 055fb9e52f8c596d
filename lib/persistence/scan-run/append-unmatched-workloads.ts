import { db } from "@/lib/db";
import type { UnmatchedDeclaration } from "@/lib/pipeline/types";

/**
 * Appends one repository's deploy declarations that joined no service to its scan (`Scan.unmatched`), where
 * the sources page lists them. One statement on the row, so the jobs of a fanned-out scan append side by side;
 * a retried attempt replaces what an earlier one recorded for the same repository (none: a local scan's)
 * rather than listing it twice. Each distinct declaration once: Kustomize overlays render one base object
 * several times.
 */
export async function appendUnmatchedWorkloads(opts: {
  scanId: number;
  /** `owner/name` of a GitHub repository; unset for a local directory, scanned as a whole. */
  repository?: string;
  workloads: readonly UnmatchedDeclaration[];
}): Promise<void> {
  const entries = new Map<string, UnmatchedDeclaration>();
  for (const w of opts.workloads) {
    const entry: UnmatchedDeclaration = { descriptor: w.descriptor, kind: w.kind, name: w.name, path: w.path, line: w.line };
    if (opts.repository) entry.repository = opts.repository;
    entries.set(JSON.stringify(entry), entry);
  }
  const repository = opts.repository ?? null;
  await db().$executeRaw`UPDATE "Scan" SET "unmatched" = COALESCE((SELECT jsonb_agg(x.e ORDER BY x.n)
      FROM jsonb_array_elements("unmatched") WITH ORDINALITY AS x(e, n) WHERE x.e ->> 'repository' IS DISTINCT FROM ${repository}::text),
      '[]'::jsonb) || ${JSON.stringify([...entries.values()])}::jsonb
    WHERE "id" = ${opts.scanId}`;
}
