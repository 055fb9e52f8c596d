import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createGitHubClient } from "@/lib/collectors/github/create-github-client";
import { listRepositories } from "@/lib/collectors/github/list-repositories";
import { createBareRepo, generatedService, makeRepoRoot } from "@/test/github/git-fixtures";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";

describe("listRepositories", () => {
  let standIn: StandIn;
  let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
  before(async () => {
    repos = await makeRepoRoot();
    standIn = await startStandIn();
    // Listing never reads the repositories' content: 200 entries can share one bare repository.
    const bare = await createBareRepo({ root: repos.root, name: "shared", files: generatedService({ name: "shared" }) });
    for (let i = 0; i < 200; i++) standIn.addRepo({ owner: "acme", name: `svc-${String(i).padStart(3, "0")}`, bare });
  });
  after(async () => {
    await standIn.close();
    await repos.remove();
  });

  it("follows Link pagination, then costs nothing while the listing is unchanged, and sees an added page", async () => {
    const { client } = createGitHubClient({ baseUrl: standIn.baseUrl, token: "list-test" });
    const first = await listRepositories({ client, owner: "acme", ownerType: "org" });
    assert.equal(first.repos.length, 200);
    assert.equal(new Set(first.repos.map((r) => r.fullName)).size, 200);
    assert.equal(standIn.stats.counted, 3, "two full pages and the empty one after them");

    standIn.resetStats();
    const again = await listRepositories({ client, owner: "acme", ownerType: "org", cache: first.cache });
    assert.equal(again.repos.length, 200);
    assert.deepEqual([standIn.stats.counted, standIn.stats.notModified], [0, 3]);

    standIn.addRepo({ owner: "acme", name: "zz-new", bare: { gitDir: "", workTree: "" } });
    standIn.resetStats();
    const grown = await listRepositories({ client, owner: "acme", ownerType: "org", cache: again.cache });
    assert.equal(grown.repos.length, 201);
    assert.ok(grown.repos.some((r) => r.fullName === "acme/zz-new"));
    assert.equal(standIn.stats.counted, 1, "only the changed third page");
  });

  it("stops a listing that never ends at DOZEN_GITHUB_MAX_PAGES, and a too large one at DOZEN_GITHUB_MAX_REPOSITORIES", async () => {
    const { client } = createGitHubClient({ baseUrl: standIn.baseUrl, token: "list-test" });
    standIn.addRepo({ owner: "loop", name: "only", bare: { gitDir: "", workTree: "" } });
    standIn.listEndlessly({ owner: "loop" });
    standIn.resetStats();
    await assert.rejects(listRepositories({ client, owner: "loop", ownerType: "org", limits: { maxPages: 25 } }), {
      name: "TargetLimitError",
      message: "more than 25 pages (DOZEN_GITHUB_MAX_PAGES)",
    });
    assert.equal(standIn.stats.counted, 25, "25 pages asked for, not one more");
    await assert.rejects(listRepositories({ client, owner: "acme", ownerType: "org", limits: { maxRepositories: 150 } }), {
      message: "more than 150 repositories (DOZEN_GITHUB_MAX_REPOSITORIES)",
    });
  });
});
