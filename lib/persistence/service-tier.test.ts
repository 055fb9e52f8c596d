import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { GET as listServicesRoute } from "@/app/api/v1/services/route";
import { GET as getServiceRoute } from "@/app/api/v1/services/[slug]/route";
import { serviceDetail, serviceList } from "@/lib/api/schemas/services";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { useTestDatabase } from "@/test/support/test-database";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { writeTestTree } from "@/test/support/write-test-tree";

const service = (name: string, extra: Record<string, string> = {}) => ({
  [`${name}/Dockerfile`]: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
  [`${name}/server.js`]: "require('node:http').createServer().listen(process.env.PORT);\n",
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${name}/${k}`, v])),
});
const catalog = (name: string, tier: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations:\n    dozen.dev/tier: "${tier}"\n`;
const tierOf = async (path: string) => (await db().service.findFirstOrThrow({ where: { path }, select: { tier: true } })).tier;

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let root: string;
before(async () => {
  database = await useTestDatabase();
  root = await writeTestTree({
    files: {
      ...service("pay", { "dozen.yaml": "name: pay\ntier: 1\n" }),
      ...service("web", { "catalog-info.yaml": catalog("web", "2"), "dozen.yaml": "name: web\ntier: 3\n" }),
      ...service("odd", { "dozen.yaml": "name: odd\ntier: gold\n" }),
      ...service("plain"),
    },
  });
});
after(async () => {
  await rm(root, { recursive: true, force: true });
  await database.drop();
});

it("[TIER] a scan stores each service's declared tier, catalog-info.yaml before dozen.yaml, and reports a bad one", async () => {
  const scan = await scanIntoDatabase({ root, name: "repo" });
  assert.equal(scan.status, "succeeded", "a malformed tier never fails a scan");
  assert.equal(await tierOf("pay"), 1);
  assert.equal(await tierOf("web"), 2, "catalog-info.yaml's annotation wins over dozen.yaml");
  assert.equal(await tierOf("odd"), null, "tier: gold is ignored");
  assert.equal(await tierOf("plain"), null, "unset is no tier");
  const odd = await getServiceDetail({ slug: "odd" });
  assert.deepEqual(odd?.tierProblems, ['odd/dozen.yaml: tier "gold" is not 1, 2, 3 or 4; ignored']);
  assert.equal(odd?.tier, null);
  const pay = await getServiceDetail({ slug: "pay" });
  assert.equal(pay?.tier, 1);
  assert.deepEqual(pay?.tierProblems, []);
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = async (handler: Handler, path: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://dozen.test${path}`), { params: Promise.resolve(params) });

it("[TIER] GET /api/v1/services carries each tier and filters by ?tier=, the detail too", async () => {
  const names = async (query: string) => {
    const response = await get(listServicesRoute, `/api/v1/services${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    const body = serviceList.parse(await response.json());
    return body.items.map((s) => `${s.name}:${s.tier ?? "-"}`).sort();
  };
  assert.deepEqual(await names(""), ["odd:-", "pay:1", "plain:-", "web:2"]);
  assert.deepEqual(await names("?tier=1"), ["pay:1"]);
  assert.deepEqual(await names("?tier=none"), ["odd:-", "plain:-"]);
  assert.deepEqual(await names("?tier=3"), []);
  assert.equal((await get(listServicesRoute, "/api/v1/services?tier=gold")).status, 400);
  const detail = await get(getServiceRoute, "/api/v1/services/web", { slug: "web" });
  assert.equal(detail.status, 200);
  assert.equal(serviceDetail.parse(await detail.json()).tier, 2);
});

it("[TIER] an initiative scoped to tier 1 counts only the tier-1 services", async () => {
  const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
  const goal = { kind: "score" as const, min: 0 };
  const { slug } = await createInitiative({
    input: { name: "Tier 1 scored", owner: "Platform", goal, scope: { tiers: [1] }, deadline: "2027-03-31" },
    audit,
  });
  const page = (await getInitiativePage({ slug }))!;
  assert.equal(page.summary.services, 1, "pay alone: web is tier 2, odd and plain have no tier");
  assert.equal(page.summary.met, 1);
  assert.equal(page.summary.scopeText, "tier 1");
  const both = await createInitiative({
    input: { name: "Tiers 1 and 2", owner: "Platform", goal, scope: { tiers: [1, 2] }, deadline: "2027-03-31" },
    audit,
  });
  assert.equal((await getInitiativePage({ slug: both.slug }))!.summary.services, 2);
  const fleet = await createInitiative({ input: { name: "Whole fleet", owner: "Platform", goal, deadline: "2027-03-31" }, audit });
  assert.equal((await getInitiativePage({ slug: fleet.slug }))!.summary.services, 4, "no tier named: untiered services count too");
  await assert.rejects(
    createInitiative({ input: { name: "Tier 5", owner: "Platform", goal, scope: { tiers: [5] }, deadline: "2027-03-31" }, audit }),
    (error) => error instanceof ValidationError && Object.keys(error.fields).some((k) => k.startsWith("scope.tiers")),
  );
});

it("[TIER] the tier follows the code: re-applied by the next scan", async () => {
  await writeFile(join(root, "pay", "dozen.yaml"), "name: pay\n");
  await writeFile(join(root, "plain", "dozen.yaml"), "name: plain\ntier: 4\n");
  const scan = await scanIntoDatabase({ root, name: "repo" });
  assert.equal(scan.status, "succeeded");
  assert.equal(await tierOf("pay"), null);
  assert.equal(await tierOf("plain"), 4);
});
