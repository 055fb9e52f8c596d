import { basename, resolve } from "node:path";
import { buildDeployGraph } from "@/lib/facts/deploy-graph/build-deploy-graph";
import type { DeclaredWorkload } from "@/lib/facts/deploy-graph/types";
import { deployFactsOf } from "@/lib/facts/discovery/deploy-facts-of";
import { discoverServices } from "@/lib/facts/discovery/discover-services";
import type { RepoConfigFile, ServiceFacts } from "@/lib/facts/types";
import { collectInventory } from "@/lib/collectors/local/collect-inventory";
import { collectServiceFacts } from "@/lib/collectors/local/collect-service-facts";
import { repositoryRoots } from "@/lib/collectors/local/repository-roots";
import { subInventory } from "@/lib/facts/deploy-graph/inventory";
import { readRepoConfig } from "@/lib/collectors/local/read-repo-config";
import type { CollectLimits } from "@/lib/collectors/local/types";
import { describeError as describeErrorSafely, NotFoundError, ValidationError } from "@/lib/errors";
import { stat } from "node:fs/promises";

export type LocalTarget = { key: string; name: string; path: string } & ({ facts: ServiceFacts } | { error: string });

/** A workload the deploy config runs that joined no service: listed under its source, never dropped. */
export interface UnmatchedWorkload {
  descriptor: DeclaredWorkload["descriptor"];
  kind: string;
  name: string;
  path: string;
  line: number;
}

// Services are collected a few at a time: enough to overlap I/O, few enough to bound memory.
const CONCURRENCY = 4;

/**
 * Collects a local directory (one repository, or a folder of checkouts: lib/collectors/local/repository-roots.ts): one inventory of the whole tree (its deploy config, builds and entry points),
 * the deployment graph and the services found from it (lib/facts/discovery), then each service's own facts
 * with its share of the graph. A service that cannot be collected becomes `{error}` for that target only;
 * the others still succeed. `key` is the service path. Throws only when the source itself is unusable
 * (missing or not a directory, or past the inventory's bounds). The root's scoring config (dozen.yaml) is
 * read once, returned and kept with every service's facts.
 */
export async function collectLocalSource(opts: { root: string; limits?: Partial<CollectLimits> }): Promise<{
  targets: LocalTarget[];
  repoConfig: RepoConfigFile | null;
  unmatched: UnmatchedWorkload[];
}> {
  const root = resolve(opts.root);
  const info = await stat(root).catch(() => null);
  if (!info) throw new NotFoundError(`source directory not found: ${opts.root}`);
  if (!info.isDirectory()) throw new ValidationError(`source is not a directory: ${opts.root}`);
  const inventory = await collectInventory({ root });
  const repoConfig = await readRepoConfig({ root });
  const repositories = (await repositoryRoots({ root, inventory, repoConfig })).map((repoRoot) => {
    const own = repoRoot === "" ? inventory : subInventory(inventory, repoRoot);
    const graph = buildDeployGraph(own);
    const name = repoRoot || basename(root);
    return { graph, name, ...discoverServices({ inventory: own, graph, rootName: name, repoRoot }) };
  });
  const services = repositories.flatMap((r) => r.services.map((service) => ({ service, repository: r })));
  const unmatched = repositories.flatMap((r) => r.unmatched);
  const targets: LocalTarget[] = new Array(services.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < services.length; i = next++) {
      const { service, repository } = services[i]!;
      const base = { key: service.path, name: service.name, path: service.path };
      try {
        const deploy = deployFactsOf({ service, services: repository.services, graph: repository.graph });
        const discovered = {
          name: service.name,
          path: service.path,
          owners: service.owners,
          ...(service.ownerFrom ? { ownerFrom: service.ownerFrom } : {}),
          ...(service.codeowners ? { codeowners: service.codeowners } : {}),
          ...(service.declaredTier ? { declaredTier: service.declaredTier } : {}),
          ...(service.tierProblems ? { tierProblems: service.tierProblems } : {}),
          repository: repository.name,
        };
        targets[i] = { ...base, facts: await collectServiceFacts({ root, service: discovered, limits: opts.limits, repoConfig, deploy }) };
      } catch (error) {
        targets[i] = { ...base, error: describeError(error, service.path) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, services.length) }, worker));
  return {
    targets,
    repoConfig,
    unmatched: unmatched.map((w) => ({ descriptor: w.descriptor, kind: w.kind, name: w.name, path: w.at.path, line: w.at.line })),
  };
}

function describeError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return `service directory ${path} disappeared while it was being collected`;
  if (code === "EACCES" || code === "EPERM") return `permission denied reading ${path}`;
  if (code === "ENOTDIR") return `${path} is no longer a directory`;
  return describeErrorSafely(error);
}
