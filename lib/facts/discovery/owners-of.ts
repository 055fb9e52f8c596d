import { matchCodeownersLine } from "@/lib/facts/match-codeowners";
import { parseServiceDescriptor } from "@/lib/facts/parse-service-descriptor";
import type { CodeownersMatch, DeclaredTier, OwnerFile } from "@/lib/facts/types";

// GitHub uses the first CODEOWNERS it finds, in this order.
const CODEOWNERS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/**
 * A service's owners, in order of precedence: its Backstage catalog-info.yaml (spec.owner), the repository's
 * CODEOWNERS for its folder (and the service's own CODEOWNERS when it is a repository of its own), then a
 * dozen.yaml beside it. `ownerFrom` names the file the first owner, the one that names its team, came from.
 * `repoRoot` is the repository's folder within the source ("" when the source is the repository).
 * Its tier comes from the same files, catalog-info.yaml before dozen.yaml (the one in its own folder, the
 * source root's for the service at the root); a tier not 1–4 is ignored and said in `tierProblems`.
 */
export function ownersOf(opts: { path: string; texts: ReadonlyMap<string, string>; repoRoot?: string }): {
  owners: string[];
  ownerFrom?: OwnerFile;
  codeowners?: CodeownersMatch;
  declaredTier?: DeclaredTier;
  tierProblems?: string[];
} {
  const repoRoot = opts.repoRoot || ".";
  const repoPrefix = repoRoot === "." ? "" : `${repoRoot}/`;
  const dir = opts.path.includes("#") || /\.ya?ml$/.test(opts.path) ? repoRoot : opts.path;
  const prefix = dir === "." ? "" : `${dir}/`;
  // The folder as the repository's CODEOWNERS names it: relative to the repository, not to the source.
  const inRepo = dir === repoRoot ? "." : dir.slice(repoPrefix.length);
  const parsed = (kind: "catalog-info" | "dozen") =>
    [".yaml", ".yml"].flatMap((ext) => {
      const file = `${prefix}${kind}${ext}`;
      const text = opts.texts.get(file);
      return text === undefined ? [] : [{ file, ...parseServiceDescriptor({ kind, text }) }];
    });
  const catalogFiles = parsed("catalog-info");
  const dozenFiles = parsed("dozen");
  const catalog = catalogFiles.flatMap((d) => d.owners);
  // The source root's dozen.yaml configures the scan; a repository's own (in a folder of checkouts) names its service.
  const dozen = dir === "." ? [] : dozenFiles.flatMap((d) => d.owners);
  const tierFiles = [...catalogFiles, ...dozenFiles];
  const tierFile = tierFiles.find((d) => d.tier !== null);
  const tierProblems = tierFiles.flatMap((d) => (d.tierProblem ? [`${d.file}: ${d.tierProblem}`] : []));
  const rootPath = CODEOWNERS.map((p) => `${repoPrefix}${p}`).find((p) => opts.texts.has(p));
  const ownPath = dir === repoRoot ? undefined : CODEOWNERS.map((p) => `${prefix}${p}`).find((p) => opts.texts.has(p));
  const matches = [
    ...(rootPath ? [{ file: rootPath, ...matchCodeownersLine({ text: opts.texts.get(rootPath) ?? "", dir: inRepo }) }] : []),
    ...(ownPath ? [{ file: ownPath, ...matchCodeownersLine({ text: opts.texts.get(ownPath) ?? "", dir: "." }) }] : []),
  ].filter((m) => m.owners.length > 0);
  const codeowners = matches.flatMap((m) => m.owners);
  // The line that named the first owner, the one a CODEOWNERS group's team comes from.
  const first = matches[0];
  const owners = [...new Set([...catalog, ...codeowners, ...dozen])];
  const ownerFrom: OwnerFile | undefined = catalog.length
    ? "catalog-info.yaml"
    : codeowners.length
      ? "CODEOWNERS"
      : dozen.length
        ? "dozen.yaml"
        : undefined;
  return {
    owners,
    ...(ownerFrom ? { ownerFrom } : {}),
    ...(first ? { codeowners: { owners: codeowners, file: first.file, line: first.line } } : {}),
    ...(tierFile?.tier ? { declaredTier: { tier: tierFile.tier, from: tierFile.file } } : {}),
    ...(tierProblems.length ? { tierProblems } : {}),
  };
}
