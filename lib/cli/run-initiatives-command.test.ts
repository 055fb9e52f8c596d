import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET as listInitiatives } from "@/app/api/v1/initiatives/route";
import { initiativeList } from "@/lib/api/schemas/initiatives";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { updateInitiative } from "@/lib/initiatives/update-initiative";
import { runDozen as dozen, serveApiRoutes } from "@/test/support/serve-api-routes";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";

const AUDIT = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const fleet = useScannedFleet();
let api: Awaited<ReturnType<typeof serveApiRoutes>>;

before(async () => {
  api = await serveApiRoutes([["GET", /^\/api\/v1\/initiatives$/, listInitiatives]]);
});
after(() => api.close());

test("dozen initiatives list prints each open initiative's deadline, progress and state through the API; --json its body", async () => {
  assert.equal((await dozen(["initiatives", "list", "--url", api.url])).out, "No open initiatives.");

  // Past its deadline with services left: late. A check every service passes: done.
  const team = ownerOf(fleet.services.find((s) => ownerOf(s) && !["A", "B"].includes(s.grade))!)!;
  const ofTeam = fleet.services.filter((s) => ownerOf(s) === team && s.score !== null);
  const meeting = ofTeam.filter((s) => ["A", "B"].includes(s.grade)).length;
  const input = { owner: "Platform", startsOn: "2026-01-01", deadline: "2026-02-01" };
  await createInitiative({
    input: { ...input, name: "Grade B", goal: { kind: "grade", min: "B" }, scope: { teams: [team] } },
    audit: AUDIT,
  });
  await createInitiative({ input: { ...input, name: "Anything", goal: { kind: "score", min: 0 } }, audit: AUDIT });
  await createInitiative({ input: { ...input, name: "Closed one", goal: { kind: "score", min: 0 } }, audit: AUDIT });
  await updateInitiative({ slug: "closed-one", input: { closed: true }, audit: AUDIT });

  const listed = await dozen(["initiatives", "list", "--url", api.url]);
  assert.equal(listed.code, 0, listed.err);
  const lines = listed.out.split("\n").sort();
  const percent = Math.floor((meeting / ofTeam.length) * 1000) / 10;
  const scored = fleet.services.filter((s) => s.score !== null).length;
  assert.deepEqual(lines, [
    `anything\tAnything\tdue 2026-02-01\t100% (${scored}/${scored})\tdone`,
    `grade-b\tGrade B\tdue 2026-02-01\t${percent}% (${meeting}/${ofTeam.length})\tlate`,
  ]);

  const json = await dozen(["initiatives", "--json", "--url", api.url]);
  assert.equal(json.code, 0, json.err);
  const body = initiativeList.parse(JSON.parse(json.out));
  assert.deepEqual(body.items.map((i) => i.slug).sort(), ["anything", "grade-b"], "closed ones are not listed");

  assert.equal((await dozen(["initiatives", "show", "x", "--url", api.url])).code, 2, "read-only: only list");
});
