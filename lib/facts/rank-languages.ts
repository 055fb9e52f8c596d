import type { DependencyManifest, Ecosystem, Language, TextFile } from "@/lib/facts/types";

const BY_ECOSYSTEM: Record<Ecosystem, Language> = {
  npm: "javascript",
  pip: "python",
  poetry: "python",
  go: "go",
  maven: "java",
  gradle: "java",
  bundler: "ruby",
  cargo: "rust",
  nuget: "csharp",
  composer: "php",
};

/**
 * A service's languages, most source files first (ties by name, so the order is stable). Shell scripts
 * count only when nothing else does: an entrypoint.sh does not make a Go service a shell one. With no
 * source files at all, the dependency manifests' ecosystems stand in (a package.json means JavaScript).
 */
export function rankLanguages(opts: { textFiles: readonly TextFile[]; manifests: readonly DependencyManifest[] }): Language[] {
  const counts = new Map<Language, number>();
  for (const f of opts.textFiles) if (f.language) counts.set(f.language, (counts.get(f.language) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([language]) => language);
  const withoutShell = ranked.filter((l) => l !== "shell");
  if (withoutShell.length > 0) return withoutShell;
  const fromManifests = [...new Set(opts.manifests.map((m) => BY_ECOSYSTEM[m.ecosystem]))];
  return fromManifests.length > 0 ? fromManifests : ranked;
}
