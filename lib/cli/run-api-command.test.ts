import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET as listServices } from "@/app/api/v1/services/route";
import { GET as getService } from "@/app/api/v1/services/[slug]/route";
import { GET as listTeams } from "@/app/api/v1/teams/route";
import { GET as listScans } from "@/app/api/v1/scans/route";
import { GET as getScan } from "@/app/api/v1/scans/[id]/route";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";
import { runDozen as dozen, serveApiRoutes } from "@/test/support/serve-api-routes";
import { useScannedFleet } from "@/test/support/use-scanned-fleet";

useScannedFleet();
let api: Awaited<ReturnType<typeof serveApiRoutes>>;
let url: string;

before(async () => {
  api = await serveApiRoutes([
    ["GET", /^\/api\/v1\/services$/, listServices],
    ["GET", /^\/api\/v1\/services\/(?<slug>[^/]+)$/, getService],
    ["GET", /^\/api\/v1\/teams$/, listTeams],
    ["GET", /^\/api\/v1\/scans$/, listScans],
    ["GET", /^\/api\/v1\/scans\/(?<id>[^/]+)$/, getScan],
  ]);
  url = api.url;
});
after(() => api.close());

test("dozen services lists every service worst first and shows one with its failing checks", async () => {
  const list = await dozen(["services", "--url", url]);
  assert.equal(list.code, 0, list.err);
  const lines = list.out.split("\n");
  assert.equal(lines.length, FLEET_SERVICE_COUNT);
  const slug = lines[0]?.split("\t")[2] ?? "";
  const shown = await dozen(["services", "show", slug, "--url", url]);
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, new RegExp(`\\(${slug}\\): \\d+ [A-F]`));
  assert.match(shown.out, /^ {2}fail \w+: /m);
  const json = await dozen(["services", "show", slug, "--json", "--url", url]);
  assert.equal((JSON.parse(json.out) as { slug: string }).slug, slug);
});

test("dozen teams and scans read the API; a refusal or an unknown verb is said", async () => {
  const teams = await dozen(["teams", "list", "--url", url]);
  assert.equal(teams.code, 0, teams.err);
  assert.match(teams.out, /\d+ services/);
  const scans = await dozen(["scans", "--url", url]);
  assert.match(scans.out, /^#(\d+)\tsucceeded\tdemo\t/);
  const id = /^#(\d+)/.exec(scans.out)?.[1] ?? "";
  const scan = await dozen(["scans", "show", id, "--url", url]);
  assert.equal(scan.out.split("\n").length, 1 + FLEET_SERVICE_COUNT);
  const missing = await dozen(["services", "show", "nope", "--url", url]);
  assert.deepEqual([missing.code, missing.err], [1, 'dozen: no service has the slug "nope"']);
  assert.equal((await dozen(["scans", "delete", "1", "--url", url])).code, 2);
});
