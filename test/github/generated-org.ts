import { createBareRepo, generatedService, makeRepoRoot, type BareRepo } from "@/test/github/git-fixtures";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";

/**
 * The organisation "acme" of small generated services, each a real bare git repository, served by the
 * stand-in (`latencyMs` per request): `names`, or `count` of them named svc-00, svc-01, …. `bare` gives
 * each repository for later pushes; `close()` stops the stand-in and removes the repositories.
 */
export async function startGeneratedOrg(opts: { names?: string[]; count?: number; latencyMs?: number }): Promise<{
  standIn: StandIn;
  bare: Map<string, BareRepo>;
  close(): Promise<void>;
}> {
  const names = opts.names ?? Array.from({ length: opts.count ?? 0 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);
  const repos = await makeRepoRoot();
  const standIn = await startStandIn({ latencyMs: opts.latencyMs });
  const bare = new Map<string, BareRepo>();
  for (const name of names) {
    bare.set(name, await createBareRepo({ root: repos.root, name, files: generatedService({ name }) }));
    standIn.addRepo({ owner: "acme", name, bare: bare.get(name)! });
  }
  return {
    standIn,
    bare,
    close: async () => {
      await standIn.close();
      await repos.remove();
    },
  };
}
