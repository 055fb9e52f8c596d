import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { db } from "@/lib/db";
import { createOwnershipRule } from "@/lib/persistence/create-ownership-rule";
import { useTestDatabase } from "@/test/support/test-database";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { writeTestTree } from "@/test/support/write-test-tree";

const service = (name: string) => ({
  [`${name}/Dockerfile`]: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
  [`${name}/server.js`]: "require('node:http').createServer().listen(process.env.PORT);\n",
});
const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const ownerOf = (path: string) =>
  db().service.findFirstOrThrow({
    where: { path },
    select: { ownerSource: true, ownerDetail: true, team: { select: { slug: true } } },
  });

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let root: string;
before(async () => {
  database = await useTestDatabase();
  root = await writeTestTree({
    files: {
      ...service("billing"),
      ...service("search"),
      ...service("legacy"),
      CODEOWNERS: "# owners\n*        @acme/demo-approvers\n/search/ @acme/search-team\n",
      "dozen.yaml": 'ownership:\n  - path: "billing/**"\n    team: billing\n',
    },
  });
});
after(async () => {
  delete process.env.DOZEN_OWNERSHIP_FILE;
  await rm(root, { recursive: true, force: true });
  await database.drop();
});

it("[OWNERSHIP] a scan applies the source's dozen.yaml rules and leaves CODEOWNERS groups unmapped once rules exist", async () => {
  const scan = await scanIntoDatabase({ root, name: "repo" });
  assert.equal(scan.status, "succeeded");
  assert.deepEqual(await ownerOf("billing"), {
    ownerSource: "dozen.yaml rule",
    ownerDetail: "dozen.yaml rule 1: path `billing/**`",
    team: { slug: "billing" },
  });
  assert.deepEqual(await ownerOf("search"), { ownerSource: null, ownerDetail: null, team: null });
  assert.equal(await db().team.count({ where: { slug: { in: ["demo-approvers", "search-team"] } } }), 0, "no team from a CODEOWNERS group");
});

it("[OWNERSHIP] the instance file's rules apply before the UI's, and a rule change re-applies without a scan", async () => {
  const file = join(root, "..", `owners-${process.pid}.yaml`);
  await writeFile(file, 'ownership:\n  - codeowners: "@acme/search-team"\n    team: search\n');
  process.env.DOZEN_OWNERSHIP_FILE = file;
  try {
    await db().team.create({ data: { slug: "platform", name: "platform" } });
    const { moved } = await createOwnershipRule({ input: { kind: "path", pattern: "**", team: "platform" }, audit });
    assert.equal(moved, 2, "search by the file's rule, legacy by the UI's; billing keeps its dozen.yaml rule");
    assert.deepEqual(await ownerOf("search"), {
      ownerSource: "instance rule",
      ownerDetail: "instance file rule 1: CODEOWNERS group `@acme/search-team`",
      team: { slug: "search" },
    });
    assert.deepEqual(await ownerOf("legacy"), {
      ownerSource: "instance rule",
      ownerDetail: "rule 1: path `**`",
      team: { slug: "platform" },
    });
    assert.equal((await ownerOf("billing")).team?.slug, "billing");

    await writeFile(file, "ownership:\n  - path: billing\n    repository: x\n    team: y\n");
    await assert.rejects(
      createOwnershipRule({ input: { kind: "path", pattern: "x/**", team: "platform" }, audit }),
      /owners-\d+\.yaml: ownership\.0: exactly one of/,
      "an invalid instance file refuses the change, naming the file",
    );
    assert.equal(await db().ownershipRule.count(), 1, "and nothing was changed");
  } finally {
    await rm(file, { force: true });
  }
});
