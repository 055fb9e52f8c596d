import assert from "node:assert/strict";
import { afterEach, it } from "node:test";
import { POST as approve } from "@/app/api/v1/exemptions/[id]/approve/route";
import { POST as revoke } from "@/app/api/v1/exemptions/[id]/revoke/route";
import { GET as list, POST as create } from "@/app/api/v1/exemptions/route";
import { GET as getService } from "@/app/api/v1/services/[slug]/route";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { serviceDetail } from "@/lib/api/schemas/services";
import { exemptionList, exemptionSchema } from "@/lib/api/schemas/exemptions";
import { createApiToken } from "@/lib/auth/api-tokens/create-api-token";
import { db } from "@/lib/db";
import { countExemptions } from "@/lib/exemptions/count-exemptions";
import { sweepExpiredExemptions } from "@/lib/persistence/exemptions/sweep-expired-exemptions";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { useScannedFleet } from "@/test/support/use-scanned-fleet";

useScannedFleet();
afterEach(() => {
  delete process.env.DOZEN_EXEMPTION_APPROVAL;
  delete process.env.DOZEN_EXEMPTION_MAX_DAYS;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own context
type Handler = (request: Request, context: any) => Promise<Response>;
const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

async function call(handler: Handler, opts: { body?: unknown; token?: string; id?: number; query?: string } = {}) {
  return handler(
    new Request(`http://dozen.test/api/v1/exemptions${opts.query ?? ""}`, {
      method: opts.body === undefined && !opts.id ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      ...(opts.body === undefined && !opts.id ? {} : { body: JSON.stringify(opts.body ?? {}) }),
    }),
    { params: Promise.resolve({ id: String(opts.id ?? 0) }) },
  );
}

async function tokenFor(role: "viewer" | "maintainer" | "admin", teams: string[] = []): Promise<string> {
  const made = await createApiToken({
    input: { name: `${role}-${teams.join("-") || "all"}-${Math.random()}`, role, teams },
    audit: { actor: { kind: "local", id: "local", name: "local user" }, origin: null },
  });
  return made.secret;
}

async function service(slug: string) {
  const s = await db().service.findUniqueOrThrow({ where: { slug }, select: { latestScore: true, latestChecks: true } });
  return { score: s.latestScore, checks: s.latestChecks as Record<string, string> };
}

/** checkout-web (team-growth) and the heaviest check it fails. */
async function failing() {
  const detail = (await getServiceDetail({ slug: "checkout-web" }))!;
  const finding = detail.findings.find((f) => f.outcome === "fail")!;
  return { slug: "checkout-web", finding };
}

it("POST /api/v1/exemptions answers 201; the exempt failure leaves the score and is shown apart, revoking puts it back", async () => {
  const { slug, finding } = await failing();
  const before = await service(slug);
  assert.equal(before.checks[finding.ruleId], "fail");

  const response = await call(create, {
    body: { service: slug, checkId: finding.ruleId, kind: "accepted-risk", reason: "Replaced next quarter", expiresAt: inDays(30) },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const made = exemptionSchema.parse(await response.json());
  assert.equal(response.headers.get("location"), `/api/v1/exemptions/${made.id}`);
  assert.deepEqual([made.status, made.scope, made.origin, made.requestedBy], ["active", "service", "api", "local user"]);

  const after = await service(slug);
  assert.ok((after.score ?? 0) > (before.score ?? 0), `score rose from ${before.score} to ${after.score}`);
  assert.equal(after.checks[finding.ruleId], "exempt", "the heatmap and rollups no longer count it failing");
  const page = (await getServiceDetail({ slug }))!;
  const shown = page.findings.find((f) => f.ruleId === finding.ruleId)!;
  assert.equal(shown.exemption?.id, made.id, "the page marks the finding exempt");
  assert.equal(page.latestScore, after.score);
  assert.deepEqual(await countExemptions({ service: slug }), { active: 1, expiringSoon: 0, pending: 0 });
  assert.equal((await countExemptions({ team: "team-growth" })).active, 1);
  assert.equal((await countExemptions({ team: "team-data" })).active, 0);

  const listed = exemptionList.parse(await (await call(list, { query: `?service=${slug}` })).json());
  assert.deepEqual(
    listed.items.map((e) => e.id),
    [made.id],
  );

  const revoked = await call(revoke, { id: made.id, body: { reason: "fixed after all" } });
  assert.equal(revoked.status, 200, await revoked.clone().text());
  assert.equal(exemptionSchema.parse(await revoked.json()).status, "revoked");
  assert.deepEqual(await service(slug), before, "the finding counts again");
  const audit = await db().auditEvent.findMany({ where: { targetKind: "exemption", targetId: String(made.id) }, orderBy: { id: "asc" } });
  assert.deepEqual(
    audit.map((a) => [a.action, a.actorName]),
    [
      ["exemption.create", "local user"],
      ["exemption.revoke", "local user"],
    ],
  );
  assert.equal((audit[1]?.detail as { why?: string }).why, "fixed after all");
  assert.equal((await call(revoke, { id: made.id })).status, 409, "revoked once");
});

it("refuses bad input with 400 naming each field, and an expiry past DOZEN_EXEMPTION_MAX_DAYS", async () => {
  const { slug, finding } = await failing();
  const refused = async (body: unknown) => {
    const response = await call(create, { body });
    assert.equal(response.status, 400, JSON.stringify(body));
    return apiErrorBody.parse(await response.json()).error;
  };
  const bad = await refused({ service: slug, checkId: finding.ruleId, kind: "wontfix", reason: " " });
  assert.deepEqual(bad.fields, { kind: "false-positive, accepted-risk or not-applicable", reason: "required: say why" });
  assert.deepEqual((await refused({ service: slug, checkId: finding.ruleId, kind: "accepted-risk", reason: "r" })).fields, {
    expiresAt: "an accepted risk needs an expiry date",
  });
  assert.match(
    (await refused({ service: slug, checkId: finding.ruleId, kind: "false-positive", reason: "r", expiresAt: inDays(181) })).fields
      ?.expiresAt ?? "",
    /at most 180 days ahead \(DOZEN_EXEMPTION_MAX_DAYS\)/,
  );
  process.env.DOZEN_EXEMPTION_MAX_DAYS = "10";
  assert.match(
    (await refused({ service: slug, checkId: finding.ruleId, kind: "false-positive", reason: "r", expiresAt: inDays(11) })).fields
      ?.expiresAt ?? "",
    /at most 10 days/,
  );
  assert.deepEqual(
    (await refused({ service: slug, checkId: finding.ruleId, kind: "false-positive", reason: "r", expiresAt: "2020-01-01" })).fields,
    { expiresAt: "must be in the future" },
  );
  assert.deepEqual((await refused({ service: slug, checkId: "noSuchCheck", kind: "not-applicable", reason: "r" })).fields, {
    checkId: `no check "noSuchCheck" was judged for ${slug}`,
  });
  assert.deepEqual(
    (await refused({ scope: "finding", service: slug, checkId: finding.ruleId, kind: "not-applicable", reason: "r" })).fields,
    {
      fingerprint: "required for scope finding",
    },
  );
  const missing = await call(create, { body: { service: "nope", checkId: finding.ruleId, kind: "not-applicable", reason: "r" } });
  assert.equal(missing.status, 404);
  assert.equal(await db().exemption.count(), 1, "nothing refused is kept (only the first test's)");
});

it("a viewer and a maintainer of another team get 403; the team's maintainer may, pending until an admin approves", async () => {
  const { slug, finding } = await failing();
  const body = { service: slug, checkId: finding.ruleId, kind: "accepted-risk", reason: "vendor fix due", expiresAt: inDays(20) };
  const viewer = await call(create, { body, token: await tokenFor("viewer") });
  assert.equal(viewer.status, 403);
  const other = await call(create, { body, token: await tokenFor("maintainer", ["team-data"]) });
  assert.equal(other.status, 403);
  assert.match(apiErrorBody.parse(await other.json()).error.message, /may not exempt checks of checkout-web/);

  process.env.DOZEN_EXEMPTION_APPROVAL = "accepted-risk";
  const before = await service(slug);
  const maintainer = await tokenFor("maintainer", ["team-growth"]);
  const response = await call(create, { body, token: maintainer });
  assert.equal(response.status, 201, await response.clone().text());
  const made = exemptionSchema.parse(await response.json());
  assert.equal(made.status, "pending");
  assert.deepEqual(await service(slug), before, "a pending exemption exempts nothing");
  assert.equal((await countExemptions({ service: slug })).pending, 1);

  assert.equal((await call(approve, { id: made.id, token: maintainer })).status, 403, "a maintainer cannot approve");
  const approved = await call(approve, { id: made.id, token: await tokenFor("admin") });
  assert.equal(approved.status, 200, await approved.clone().text());
  const decided = exemptionSchema.parse(await approved.json());
  assert.equal(decided.status, "active");
  assert.match(decided.approvedBy ?? "", /^admin-/);
  assert.equal((await service(slug)).checks[finding.ruleId], "exempt");
  assert.equal((await call(approve, { id: made.id })).status, 409, "approved once");

  // The maintainer of the team may revoke it; the finding counts again.
  assert.equal((await call(revoke, { id: made.id, token: maintainer })).status, 200);
  assert.deepEqual(await service(slug), before);
});

it("an expired exemption stops counting at once and the sweep re-scores, records exemption.expire, once", async () => {
  const { slug, finding } = await failing();
  const before = await service(slug);
  const response = await call(create, {
    body: {
      scope: "team",
      team: "team-growth",
      checkId: finding.ruleId,
      kind: "not-applicable",
      reason: "static site",
      expiresAt: inDays(3),
    },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const made = exemptionSchema.parse(await response.json());
  assert.equal((await service(slug)).checks[finding.ruleId], "exempt", "a team-wide exemption covers the team's service");
  assert.deepEqual(await countExemptions({ team: "team-growth" }), { active: 1, expiringSoon: 1, pending: 0 });

  const later = new Date(Date.now() + 4 * DAY);
  assert.equal((await getServiceDetail({ slug, now: later }))!.findings.find((f) => f.ruleId === finding.ruleId)?.exemption, null);
  assert.deepEqual(await sweepExpiredExemptions({ now: later }), { expired: 1 });
  assert.deepEqual(await service(slug), before, "the finding counts again without a scan");
  assert.deepEqual(await sweepExpiredExemptions({ now: later }), { expired: 0 }, "swept once");
  const expired = await db().auditEvent.findFirstOrThrow({ where: { action: "exemption.expire", targetId: String(made.id) } });
  assert.deepEqual([expired.actorKind, expired.actorName], ["system", "Dozen"]);
  const listed = exemptionList.parse(await (await call(list, { query: "?team=team-growth&current=true" })).json());
  assert.ok(!listed.items.some((e) => e.id === made.id), "no longer current");
});

it("scope finding: the fingerprint the service's API answers exempts that one finding, the API says so", async () => {
  const read = async () =>
    serviceDetail.parse(
      await (
        await getService(new Request("http://dozen.test/api/v1/services/checkout-web"), {
          params: Promise.resolve({ slug: "checkout-web" }),
        })
      ).json(),
    );
  const finding = (await read()).findings.find((f) => f.outcome === "fail" && !f.exemption)!;
  const response = await call(create, {
    body: {
      scope: "finding",
      service: "checkout-web",
      checkId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: "false-positive",
      reason: "test fixture",
    },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const made = exemptionSchema.parse(await response.json());
  const after = (await read()).findings.find((f) => f.ruleId === finding.ruleId && f.origin === finding.origin)!;
  assert.deepEqual(after.exemption, { id: made.id, kind: "false-positive", reason: "test fixture", expiresAt: null });
  assert.equal((await call(revoke, { id: made.id })).status, 200);
});
