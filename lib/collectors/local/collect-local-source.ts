import type { RepoConfigFile, ServiceFacts } from "@/lib/facts/types";
import { collectServiceFacts } from "@/lib/collectors/local/collect-service-facts";
import { discoverServices } from "@/lib/collectors/local/discover-services";
import { readRepoConfig } from "@/lib/collectors/local/read-repo-config";
import type { CollectLimits, DiscoveredService } from "@/lib/collectors/local/types";

export type LocalTarget = { key: string; name: string; path: string } & ({ facts: ServiceFacts } | { error: string });

// Services are collected a few at a time: enough to overlap I/O, few enough to bound memory.
const CONCURRENCY = 4;

/**
 * Discovers the services under a local directory and collects each one's facts. A service that cannot be
 * collected becomes `{error}` for that target only; the others still succeed. `key` is the service path.
 * Throws only when the source itself is unusable (missing or not a directory). The root's scoring config
 * (dozen.yaml), read once, is returned and kept with every service's facts.
 */
export async function collectLocalSource(opts: {
  root: string;
  limits?: Partial<CollectLimits>;
}): Promise<{ targets: LocalTarget[]; repoConfig: RepoConfigFile | null }> {
  const services = await discoverServices({ root: opts.root });
  const repoConfig = await readRepoConfig({ root: opts.root });
  const targets: LocalTarget[] = new Array(services.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < services.length; i = next++) {
      const service = services[i] as DiscoveredService;
      const base = { key: service.path, name: service.name, path: service.path };
      try {
        targets[i] = { ...base, facts: await collectServiceFacts({ root: opts.root, service, limits: opts.limits, repoConfig }) };
      } catch (error) {
        targets[i] = { ...base, error: describeError(error, service.path) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, services.length) }, worker));
  return { targets, repoConfig };
}

function describeError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return `service directory ${path} disappeared while it was being collected`;
  if (code === "EACCES" || code === "EPERM") return `permission denied reading ${path}`;
  if (code === "ENOTDIR") return `${path} is no longer a directory`;
  return error instanceof Error ? error.message : String(error);
}
