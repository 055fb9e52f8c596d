import { NotFoundError } from "@/lib/errors";
import { listSources, type SourceSummary } from "@/lib/sources/list-sources";

/**
 * One source as the sources page shows it (schedule, pause, last scan, its kind's extras). Throws
 * NotFoundError for an unknown or deleted source: a deleted source's history is read through its scans.
 */
export async function getSource(opts: { id: number; now?: Date }): Promise<SourceSummary> {
  const [source] = await listSources({ now: opts.now, ids: [opts.id] });
  if (!source) throw new NotFoundError(`no source with id ${opts.id}`);
  return source;
}
