import { db } from "@/lib/db";
import type { ManifestObject, RepoConfigFile } from "@/lib/facts/types";

/** What the repository side says about a service, as a cluster audit needs it. */
export interface RepoView {
  /** Declared Kubernetes objects, for drift. */
  manifests: ManifestObject[];
  /** The repository's dozen.yaml, whose weights and disabled checks apply to the service's cluster checks too. */
  repoConfig: RepoConfigFile | null;
}

/** The service's latest repository facts, reduced to what a cluster audit uses; empty for a cluster-only service. */
export async function loadRepoView(opts: { serviceId: number | null }): Promise<RepoView> {
  if (opts.serviceId === null) return { manifests: [], repoConfig: null };
  const service = await db().service.findUnique({ where: { id: opts.serviceId }, select: { latestTarget: { select: { facts: true } } } });
  const facts = (service?.latestTarget?.facts ?? null) as { manifests?: ManifestObject[]; repoConfig?: RepoConfigFile | null } | null;
  return { manifests: facts?.manifests ?? [], repoConfig: facts?.repoConfig ?? null };
}
