import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { POST as assignOwners } from "@/app/api/v1/owner-assignments/route";
import { GET as listRules, POST as createRule } from "@/app/api/v1/ownership-rules/route";
import { DELETE as deleteRule, PATCH as patchRule } from "@/app/api/v1/ownership-rules/[id]/route";
import { GET as getService } from "@/app/api/v1/services/[slug]/route";
import { POST as createTeam } from "@/app/api/v1/teams/route";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { ownershipRuleList } from "@/lib/api/schemas/ownership";
import { serviceDetail } from "@/lib/api/schemas/services";
import { createSession } from "@/lib/auth/sessions/create-session";
import { db } from "@/lib/db";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
import { ensureService } from "@/lib/persistence/ensure-service";
import { useTestDatabase } from "@/test/support/test-database";

type Handler = (r: Request, c: { params: Promise<unknown> }) => Promise<Response>;
const call = (handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}, headers = {}) =>
  handler(
    new Request(`http://dozen.test${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
const owner = async (slug: string) => {
  const response = await call(getService as Handler, "GET", `/api/v1/services/${slug}`, undefined, { slug });
  const s = serviceDetail.parse(await response.json());
  return { team: s.team?.slug ?? null, ...s.owner, qualifiedName: s.qualifiedName };
};
async function refused(response: Response, status: number): Promise<string> {
  assert.equal(response.status, status);
  return apiErrorBody.parse(await response.json()).error.message;
}

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let slugs: { pay: string; shop: string; other: string };
before(async () => {
  database = await useTestDatabase();
  const source = await db().source.create({ data: { name: "acme", kind: "github", location: "acme" }, select: { id: true } });
  // A CODEOWNERS group that is not a team: without rules it becomes one (as before), once rules exist it does not.
  const codeowners = { owners: ["@acme/demo-approvers"], file: ".github/CODEOWNERS", line: 12 };
  const made = await db().$transaction(async (tx) => {
    const add = (repository: string, name: string, path: string) =>
      ensureService({ tx, sourceId: source.id, name, path, languages: [], repository, ownerFacts: { codeowners } });
    const services = [await add("acme/pay-gateway", "api", "acme/pay-gateway"), await add("acme/shop", "api", "acme/shop/api")];
    services.push(await add("acme/shop", "web", "acme/shop/web"));
    await applyOwnership({ tx });
    return services;
  });
  slugs = { pay: made[0]!.slug, shop: made[1]!.slug, other: made[2]!.slug };
});
after(() => database.drop());

it("[OWNERSHIP] two services named api in two repositories have qualified names and slugs without database ids", async () => {
  assert.equal(slugs.pay, "api");
  assert.equal(slugs.shop, "api-acme-shop");
  assert.deepEqual(await owner(slugs.shop), {
    team: "demo-approvers",
    source: "CODEOWNERS",
    detail: "from CODEOWNERS line 12 (@acme/demo-approvers)",
    qualifiedName: "acme/shop:api",
  });
});

it("[OWNERSHIP] POST /api/v1/teams makes a team on purpose: 201, then 409 for the same slug, 400 for no name", async () => {
  const response = await call(createTeam as Handler, "POST", "/api/v1/teams", { name: "Payments" });
  assert.equal(response.status, 201);
  assert.deepEqual(await response.json(), { slug: "payments", name: "Payments" });
  assert.equal(response.headers.get("location"), "/api/v1/teams/payments");
  await refused(await call(createTeam as Handler, "POST", "/api/v1/teams", { name: "payments" }), 409);
  await refused(await call(createTeam as Handler, "POST", "/api/v1/teams", { name: " " }), 400);
});

it("[OWNERSHIP] a rule gives its team at once, says which rule, and stops CODEOWNERS groups becoming teams", async () => {
  const response = await call(createRule as Handler, "POST", "/api/v1/ownership-rules", {
    kind: "repository",
    pattern: "acme/pay-*",
    team: "payments",
  });
  assert.equal(response.status, 201, await response.clone().text());
  const made = (await response.json()) as { id: number; moved: number };
  assert.equal(made.moved, 3, "pay-gateway's api to payments; the shop's two leave demo-approvers for no team");
  assert.deepEqual(await owner(slugs.pay), {
    team: "payments",
    source: "instance rule",
    detail: "rule 1: repository `acme/pay-*`",
    qualifiedName: "acme/pay-gateway:api",
  });
  assert.deepEqual(await owner(slugs.shop), { team: null, source: null, detail: null, qualifiedName: "acme/shop:api" });

  const listed = ownershipRuleList.parse(await (await call(listRules as Handler, "GET", "/api/v1/ownership-rules")).json());
  assert.deepEqual(
    listed.items.map((r) => [r.label, r.kind, r.pattern, r.team.slug, r.services, r.origin]),
    [["rule 1", "repository", "acme/pay-*", "payments", 1, "ui"]],
  );

  // A path rule placed first wins over the repository rule; the service page's number follows.
  await call(createTeam as Handler, "POST", "/api/v1/teams", { name: "shop" });
  const path = await call(createRule as Handler, "POST", "/api/v1/ownership-rules", {
    kind: "path",
    pattern: "acme/**",
    team: "shop",
    position: 1,
  });
  assert.equal(path.status, 201);
  assert.equal((await owner(slugs.pay)).detail, "rule 1: path `acme/**`");
  assert.equal((await owner(slugs.other)).team, "shop");
  const { id } = (await path.json()) as { id: number };
  const patched = await call(patchRule as Handler, "PATCH", `/api/v1/ownership-rules/${id}`, { position: 2 }, { id: String(id) });
  assert.equal(patched.status, 200);
  assert.equal((await owner(slugs.pay)).detail, "rule 1: repository `acme/pay-*`");
  assert.equal((await owner(slugs.shop)).detail, "rule 2: path `acme/**`");

  const events = await db().auditEvent.findMany({ where: { action: { startsWith: "ownership-rule." } }, orderBy: { id: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.action, e.targetName]),
    [
      ["ownership-rule.create", "repository acme/pay-*"],
      ["ownership-rule.create", "path acme/**"],
      ["ownership-rule.update", "path acme/**"],
    ],
  );

  assert.equal((await call(deleteRule as Handler, "DELETE", `/api/v1/ownership-rules/${id}`, undefined, { id: String(id) })).status, 204);
  assert.equal((await owner(slugs.shop)).team, null);
  await refused(await call(deleteRule as Handler, "DELETE", `/api/v1/ownership-rules/${id}`, undefined, { id: String(id) }), 404);
});

it("[OWNERSHIP] a rule naming a team that does not exist, or a bad pattern, is a 400 that makes no team", async () => {
  const typo = await call(createRule as Handler, "POST", "/api/v1/ownership-rules", {
    kind: "repository",
    pattern: "acme/*",
    team: "paymnets",
  });
  assert.match(await refused(typo, 400), /no team "paymnets": create it first/);
  assert.equal(await db().team.count({ where: { slug: "paymnets" } }), 0);
  await refused(
    await call(createRule as Handler, "POST", "/api/v1/ownership-rules", { kind: "label", pattern: "team", team: "payments" }),
    400,
  );
  await refused(
    await call(createRule as Handler, "POST", "/api/v1/ownership-rules", { kind: "owner", pattern: "x", team: "payments" }),
    400,
  );
});

it("[OWNERSHIP] bulk assignment moves the chosen services to an existing team by hand, and hands them back", async () => {
  const response = await call(assignOwners as Handler, "POST", "/api/v1/owner-assignments", {
    services: [slugs.shop, slugs.other],
    team: "shop",
  });
  assert.equal(response.status, 200, await response.clone().text());
  assert.deepEqual(await response.json(), { team: { slug: "shop", name: "shop" }, services: 2, moved: 2 });
  const set = await owner(slugs.shop);
  assert.equal(set.team, "shop");
  assert.equal(set.source, "manual");
  assert.match(set.detail ?? "", /^set by local user on \d{4}-\d\d-\d\d$/);
  const typo = await call(assignOwners as Handler, "POST", "/api/v1/owner-assignments", { services: [slugs.shop], team: "shpo" });
  assert.match(await refused(typo, 400), /no team "shpo"/);
  await refused(await call(assignOwners as Handler, "POST", "/api/v1/owner-assignments", { services: ["nope"], team: "shop" }), 400);

  const back = await call(assignOwners as Handler, "POST", "/api/v1/owner-assignments", { services: [slugs.shop], team: null });
  assert.deepEqual(await back.json(), { team: null, services: 1, moved: 1 });
  assert.deepEqual(await owner(slugs.shop), { team: null, source: null, detail: null, qualifiedName: "acme/shop:api" });
  const event = await db().auditEvent.findFirstOrThrow({ where: { action: "owner.bulk-set" }, orderBy: { id: "asc" } });
  assert.deepEqual(event.detail, { services: [slugs.shop, slugs.other], to: "shop", moved: 2 });
});

it("[OWNERSHIP] with sign-in, rules need an admin and a team's maintainer cannot take services of another team", async () => {
  const secret = "ownership-test-session-secret-32-chars";
  Object.assign(process.env, {
    DOZEN_OIDC_ISSUER: "http://127.0.0.1:9/never-asked",
    DOZEN_OIDC_CLIENT_ID: "dozen",
    DOZEN_OIDC_CLIENT_SECRET: "secret",
    DOZEN_SESSION_SECRET: secret,
  });
  try {
    const { cookie } = await createSession({
      user: { subject: "lead", name: "shop lead", role: "maintainer", teams: ["shop"] },
      secret,
      ttlMs: 3_600_000,
    });
    const headers = { cookie: `dozen_session=${cookie}` };
    const rule = await call(
      createRule as Handler,
      "POST",
      "/api/v1/ownership-rules",
      { kind: "path", pattern: "**", team: "shop" },
      {},
      headers,
    );
    await refused(rule, 403);
    const take = await call(
      assignOwners as Handler,
      "POST",
      "/api/v1/owner-assignments",
      { services: [slugs.pay], team: "shop" },
      {},
      headers,
    );
    assert.match(await refused(take, 403), /shop lead may not move services of or to payments/);
  } finally {
    for (const k of ["DOZEN_OIDC_ISSUER", "DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"])
      delete process.env[k];
  }
  assert.equal((await owner(slugs.pay)).team, "payments");
});
