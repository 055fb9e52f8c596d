import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { classifyPath } from "@/lib/facts/classify-path";
import { matchCodeowners } from "@/lib/facts/match-codeowners";
import type { OwnerFile } from "@/lib/facts/types";
import { parseServiceDescriptor } from "@/lib/facts/parse-service-descriptor";
import { readCodeowners } from "@/lib/collectors/local/read-codeowners";
import { readSmallFile } from "@/lib/collectors/local/read-small-file";
import type { DiscoveredService } from "@/lib/collectors/local/types";
import { mayDescend } from "@/lib/collectors/local/walk-rules";

const MAX_DEPTH = 6;

interface Candidate {
  path: string;
  hasDockerfile: boolean;
  /** Has a Dockerfile beside code or a manifest, or an explicit descriptor: makes its parent a monorepo root. */
  strong: boolean;
  descriptorNames: string[];
  descriptorOwners: { catalog: string[]; dozen: string[] };
}

/**
 * Finds the service roots under a local directory. A directory is a service root when it has a
 * Dockerfile, a Backstage Component `catalog-info.yaml`, a `dozen.yaml` or a dependency manifest; a
 * Dockerfile ends the search below it. A marker directory without a Dockerfile (e.g. a workspace
 * `package.json`) whose descendants have Dockerfiles (beside code or a manifest) or descriptors is a
 * monorepo root: those descendants are the services, not it; a manifest-only library in it is not one. The source root itself is a service only when nothing below it is. Tests, docs and examples
 * inside a marker directory are not searched; symlinks are never followed; depth is capped at 6.
 * Throws NotFoundError / ValidationError when `root` is missing or not a directory.
 */
export async function discoverServices(opts: { root: string }): Promise<DiscoveredService[]> {
  const root = resolve(opts.root);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat) throw new NotFoundError(`source directory not found: ${opts.root}`);
  if (!rootStat.isDirectory()) throw new ValidationError(`source is not a directory: ${opts.root}`);
  const candidates = await visit(root, ".", 0);
  const rootCodeowners = await readCodeowners({ dir: root });
  const services = await Promise.all(
    candidates.map(async (c): Promise<DiscoveredService> => {
      const own = c.path === "." ? null : await readCodeowners({ dir: join(root, c.path) });
      const codeowners = [
        ...(rootCodeowners ? matchCodeowners({ text: rootCodeowners, dir: c.path }) : []),
        // A service that is its own repository (a fleet of clones) carries its own CODEOWNERS.
        ...(own ? matchCodeowners({ text: own, dir: "." }) : []),
      ];
      const owners = [...new Set([...c.descriptorOwners.catalog, ...codeowners, ...c.descriptorOwners.dozen])];
      // The first owner names the team: say which file it came from, in the same order of precedence.
      const ownerFrom: OwnerFile | undefined = c.descriptorOwners.catalog.length
        ? "catalog-info.yaml"
        : codeowners.length
          ? "CODEOWNERS"
          : c.descriptorOwners.dozen.length
            ? "dozen.yaml"
            : undefined;
      return {
        name: c.descriptorNames[0] ?? basename(c.path === "." ? root : c.path),
        path: c.path,
        owners,
        ...(ownerFrom && { ownerFrom }),
      };
    }),
  );
  return services.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function visit(root: string, rel: string, depth: number): Promise<Candidate[]> {
  const abs = rel === "." ? root : join(root, rel);
  let entries;
  try {
    entries = await readdir(abs, { withFileTypes: true });
  } catch (error) {
    if (rel === ".") throw error;
    return []; // An unreadable corner of the tree hides what is in it, nothing more.
  }
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  const kinds = files.map((name) => classifyPath({ path: name }).kind);
  const hasCode = kinds.includes("dependency-manifest") || kinds.includes("source");
  const self = await describe(abs, rel, files, kinds.includes("dockerfile"), hasCode);
  const isMarker = self.strong || kinds.includes("dependency-manifest");
  if (rel !== "." && self.hasDockerfile) return [self];
  const children: Candidate[] = [];
  if (depth < MAX_DEPTH) {
    const dirs = entries
      .filter((e) => e.isDirectory() && mayDescend({ name: e.name, purpose: "discover" }))
      .map((e) => e.name)
      .sort();
    for (const name of dirs) {
      const childRel = rel === "." ? name : `${rel}/${name}`;
      // Inside a service, a test or example folder with a Dockerfile is not another service.
      if (isMarker && classifyPath({ path: `${name}/x` }).excluded) continue;
      children.push(...(await visit(root, childRel, depth + 1)));
    }
  }
  if (!isMarker) return children;
  const strong = children.filter((c) => c.strong);
  return strong.length > 0 ? strong : [self];
}

async function describe(abs: string, rel: string, files: string[], hasDockerfile: boolean, hasCode: boolean): Promise<Candidate> {
  const names: string[] = [];
  const owners = { catalog: [] as string[], dozen: [] as string[] };
  let descriptor = false;
  for (const [kind, file] of [
    ["catalog-info", "catalog-info.yaml"],
    ["catalog-info", "catalog-info.yml"],
    ["dozen", "dozen.yaml"],
    ["dozen", "dozen.yml"],
  ] as const) {
    if (!files.includes(file)) continue;
    const text = await readSmallFile({ path: join(abs, file) });
    const parsed = parseServiceDescriptor({ kind, text: text ?? "" });
    if (!parsed.isService) continue;
    descriptor = true;
    if (parsed.name) names.push(parsed.name);
    owners[kind === "dozen" ? "dozen" : "catalog"].push(...parsed.owners);
  }
  // A folder holding just a Dockerfile (`worker/docker/Dockerfile`) is its parent's build, not a service of a monorepo.
  return { path: rel, hasDockerfile, strong: (hasDockerfile && hasCode) || descriptor, descriptorNames: names, descriptorOwners: owners };
}
