import { db } from "@/lib/db";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import type { RepoSummary } from "@/lib/collectors/github/types";

/**
 * Makes a source's Repository rows match a complete listing: new repositories are added, known ones
 * updated (an archived or filtered-out one becomes `skipped`), and those no longer listed are marked
 * `gone` with their services, never deleted, so history stays readable. Returns the repositories to scan.
 */
export async function syncRepositories(opts: {
  sourceId: number;
  listed: RepoSummary[];
  selected: RepoSummary[];
}): Promise<{ scan: { id: number; fullName: string }[]; gone: number }> {
  const selected = new Set(opts.selected.map((r) => r.fullName));
  const known = new Map(
    (
      await db().repository.findMany({
        where: { sourceId: opts.sourceId },
        select: { id: true, fullName: true, status: true, defaultBranch: true, archived: true, fork: true, topics: true },
      })
    ).map((r) => [r.fullName, r]),
  );
  for (const repo of opts.listed) {
    const data = {
      defaultBranch: repo.defaultBranch,
      htmlUrl: repo.htmlUrl,
      archived: repo.archived,
      fork: repo.fork,
      topics: repo.topics,
      goneAt: null,
    };
    const row = known.get(repo.fullName);
    const wanted = selected.has(repo.fullName);
    if (!row) {
      await db().repository.create({
        data: { sourceId: opts.sourceId, fullName: repo.fullName, ...data, status: wanted ? "pending" : "skipped" },
      });
      continue;
    }
    const status = wanted ? (["skipped", "gone"].includes(row.status) ? "pending" : row.status) : "skipped";
    const same =
      row.status === status &&
      row.defaultBranch === repo.defaultBranch &&
      row.archived === repo.archived &&
      row.fork === repo.fork &&
      row.topics.join() === repo.topics.join();
    if (!same) await db().repository.update({ where: { id: row.id }, data: { ...data, status } });
  }
  const listed = new Set(opts.listed.map((r) => r.fullName));
  const goneNames = [...known.values()].filter((r) => !listed.has(r.fullName) && r.status !== "gone").map((r) => r.fullName);
  if (goneNames.length > 0) {
    const now = new Date();
    await db().repository.updateMany({
      where: { sourceId: opts.sourceId, fullName: { in: goneNames } },
      data: { status: "gone", goneAt: now },
    });
    // The scan that listed them writes its rollups once, with these services' teams, when it closes.
    await markGoneServices({ sourceId: opts.sourceId, within: goneNames, refreshRollups: false });
  }
  const scan = await db().repository.findMany({
    where: { sourceId: opts.sourceId, fullName: { in: [...selected] } },
    select: { id: true, fullName: true },
    orderBy: { fullName: "asc" },
  });
  return { scan, gone: goneNames.length };
}
