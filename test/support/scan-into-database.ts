import { db } from "@/lib/db";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { appendUnmatchedWorkloads } from "@/lib/persistence/scan-run/append-unmatched-workloads";
import { persistTarget } from "@/lib/persistence/persist-target";
import { rulesVersion } from "@/lib/rules/rules-version";
import { registerSource } from "@/lib/sources/register-source";

/**
 * Scans a directory through the worker's own write path (collect → rules → scores → one transaction per
 * target → finishScan), as a local source named `name`. `only` persists just those services, as a scan
 * that saw part of a source would (by name, or by path where names repeat).
 */
export async function scanIntoDatabase(opts: { root: string; name: string; only?: string[] }) {
  const source = await registerSource({
    kind: "local",
    input: { name: opts.name, directory: opts.root, schedule: null },
    ifExists: "return",
  });
  const scan = await db().scan.create({
    data: { sourceId: source.id, trigger: "manual", rulesVersion: rulesVersion(), status: "running" },
    select: { id: true },
  });
  const outcome = await scanLocalDirectory({ root: opts.root });
  const services = outcome.services.filter((s) => !opts.only || opts.only.includes(s.name) || opts.only.includes(s.path));
  for (const result of services) await persistTarget({ scanId: scan.id, sourceId: source.id, target: { kind: "repository", result } });
  await appendUnmatchedWorkloads({ scanId: scan.id, workloads: outcome.unmatched });
  const finished = await finishScan({ scanId: scan.id });
  return { scanId: scan.id, sourceId: source.id, status: finished.status, services, unmatched: outcome.unmatched };
}
