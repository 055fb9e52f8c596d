import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { z } from "zod";
import { GET as listServices } from "@/app/api/v1/services/route";
import { GET as getService } from "@/app/api/v1/services/[slug]/route";
import { GET as listTeams } from "@/app/api/v1/teams/route";
import { GET as getTeam } from "@/app/api/v1/teams/[slug]/route";
import { GET as listFactors } from "@/app/api/v1/factors/route";
import { GET as listChecks } from "@/app/api/v1/checks/route";
import { GET as getCheck } from "@/app/api/v1/checks/[id]/route";
import { GET as listScans } from "@/app/api/v1/scans/route";
import { GET as getScan } from "@/app/api/v1/scans/[id]/route";
import { GET as listSources } from "@/app/api/v1/sources/route";
import { GET as getSource } from "@/app/api/v1/sources/[id]/route";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { checkInfoSchema, checkList, factorList } from "@/lib/api/schemas/catalogue";
import { scanDetail, scanList } from "@/lib/api/schemas/scans";
import { serviceDetail, serviceList } from "@/lib/api/schemas/services";
import { sourceList, sourceSchema } from "@/lib/api/schemas/sources";
import { teamDetail, teamList } from "@/lib/api/schemas/teams";
import { FACTORS } from "@/lib/factors/factors";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";
import { useScannedFleet } from "@/test/support/use-scanned-fleet";

const fleet = useScannedFleet();

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/** Calls a handler as Next would, for a path and query; `params` are the route's path parameters. */
function call(handler: Handler, path: string, opts: { params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  return handler(new Request(`http://dozen.test${path}`, { headers: opts.headers }), { params: Promise.resolve(opts.params ?? {}) });
}

/** The body of a 200, checked against the schema the route publishes. */
async function ok<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  assert.equal(response.status, 200, await response.clone().text());
  assert.match(response.headers.get("etag") ?? "", /^W\/".+"$/);
  return schema.parse(await response.json());
}

async function refused(response: Response, status: number) {
  assert.equal(response.status, status);
  return apiErrorBody.parse(await response.json()).error;
}

describe("GET /api/v1/services", () => {
  it("pages every live service by cursor, worst first, with the total, and never repeats one", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: z.output<typeof serviceList> = await ok(
        await call(listServices, `/api/v1/services?limit=4${cursor ? `&cursor=${cursor}` : ""}`),
        serviceList,
      );
      assert.equal(page.total, FLEET_SERVICE_COUNT);
      assert.ok(page.items.length <= 4);
      seen.push(...page.items.map((s) => s.slug));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    assert.equal(seen.length, FLEET_SERVICE_COUNT);
    assert.equal(new Set(seen).size, seen.length);
    const all = await ok(await call(listServices, "/api/v1/services?limit=200"), serviceList);
    assert.deepEqual(
      seen,
      all.items.map((s) => s.slug),
      "pages join up to the one long page",
    );
    const scores = all.items.map((s) => s.score ?? 101);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => a - b),
      "worst score first",
    );
    assert.equal(all.nextCursor, null);
  });

  it("filters with the heatmap's parameters", async () => {
    const all = await ok(await call(listServices, "/api/v1/services?limit=200"), serviceList);
    const team = all.items.find((s) => s.team)?.team;
    assert.ok(team);
    const byName = await ok(await call(listServices, `/api/v1/services?grade=A&sort=name&dir=desc&limit=200`), serviceList);
    assert.ok(byName.items.every((s) => s.grade === "A"));
    const names = byName.items.map((s) => s.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => b.localeCompare(a)),
    );
    const failingConfig = await ok(await call(listServices, "/api/v1/services?factor=config&limit=200"), serviceList);
    assert.ok(failingConfig.items.every((s) => (s.factors.config ?? 100) < 100));
    assert.equal(failingConfig.total, all.items.filter((s) => (s.factors.config ?? 100) < 100).length);
  });

  it("answers an unchanged list's ETag with 304 and no body", async () => {
    const first = await call(listServices, "/api/v1/services?limit=5");
    const etag = first.headers.get("etag") ?? "";
    const again = await call(listServices, "/api/v1/services?limit=5", { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), "");
    const other = await call(listServices, "/api/v1/services?limit=6", { headers: { "if-none-match": etag } });
    assert.equal(other.status, 200, "another page has another ETag");
  });

  it("refuses a bad limit, sort or cursor with 400 naming the field", async () => {
    assert.deepEqual(Object.keys((await refused(await call(listServices, "/api/v1/services?limit=0"), 400)).fields ?? {}), ["limit"]);
    assert.deepEqual(Object.keys((await refused(await call(listServices, "/api/v1/services?sort=height"), 400)).fields ?? {}), ["sort"]);
    const cursor = await refused(await call(listServices, "/api/v1/services?cursor=not-ours"), 400);
    assert.equal(cursor.code, "invalid_request");
    assert.match(cursor.fields?.cursor ?? "", /not a cursor this API gave out/);
  });
});

describe("GET /api/v1/services/{slug}", () => {
  it("answers the service with its score, grade, factor scores and findings", async () => {
    const [first] = (await ok(await call(listServices, "/api/v1/services?limit=1"), serviceList)).items;
    assert.ok(first);
    const service = await ok(await call(getService, `/api/v1/services/${first.slug}`, { params: { slug: first.slug } }), serviceDetail);
    assert.equal(service.score, first.score);
    assert.equal(service.grade, first.grade);
    assert.equal(service.factorScores.length, FACTORS.length);
    assert.ok(
      service.findings.some((f) => f.outcome === "fail"),
      "the worst service fails something",
    );
    const missing = await refused(await call(getService, "/api/v1/services/nope", { params: { slug: "nope" } }), 404);
    assert.deepEqual([missing.code, missing.message], ["not_found", 'no service has the slug "nope"']);
  });
});

describe("GET /api/v1/teams", () => {
  it("lists the teams with services and answers one team's page", async () => {
    const teams = await ok(await call(listTeams, "/api/v1/teams"), teamList);
    assert.ok(teams.items.length > 1);
    const [worst] = teams.items;
    assert.ok(worst);
    const team = await ok(await call(getTeam, `/api/v1/teams/${worst.slug}`, { params: { slug: worst.slug } }), teamDetail);
    assert.equal(team.serviceCount, worst.services);
    assert.equal(team.services.length, worst.services);
    const second = await ok(await call(listTeams, "/api/v1/teams?limit=1"), teamList);
    assert.deepEqual(second.items, [worst]);
    assert.ok(second.nextCursor);
    assert.equal((await refused(await call(getTeam, "/api/v1/teams/none", { params: { slug: "none" } }), 404)).code, "not_found");
  });
});

describe("GET /api/v1/factors and /api/v1/checks", () => {
  it("lists the factors in order with their checks, and the catalogue by factor", async () => {
    const factors = await ok(await call(listFactors, "/api/v1/factors"), factorList);
    assert.deepEqual(
      factors.items.map((f) => f.id),
      FACTORS.map((f) => f.id),
    );
    const config = factors.items.find((f) => f.id === "config");
    const checks = await ok(await call(listChecks, "/api/v1/checks?factor=config&limit=200"), checkList);
    assert.deepEqual(
      checks.items.map((c) => c.id),
      config?.checks,
    );
    const [check] = checks.items;
    assert.ok(check);
    assert.deepEqual(await ok(await call(getCheck, `/api/v1/checks/${check.id}`, { params: { id: check.id } }), checkInfoSchema), check);
    assert.equal((await refused(await call(getCheck, "/api/v1/checks/x", { params: { id: "x" } }), 404)).code, "not_found");
    assert.deepEqual(Object.keys((await refused(await call(listChecks, "/api/v1/checks?factor=x"), 400)).fields ?? {}), ["factor"]);
  });
});

describe("GET /api/v1/scans and /api/v1/sources", () => {
  it("lists the fleet's scan and its source, and a scan's targets page by page", async () => {
    const scans = await ok(await call(listScans, `/api/v1/scans?sourceId=${fleet.sourceId}`), scanList);
    const [scan] = scans.items;
    assert.ok(scan);
    assert.deepEqual([scan.sourceId, scan.source, scan.status], [fleet.sourceId, "demo", "succeeded"]);
    assert.equal(scan.targetsDone, FLEET_SERVICE_COUNT);
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const detail: z.output<typeof scanDetail> = await ok(
        await call(getScan, `/api/v1/scans/${scan.id}?limit=5${cursor ? `&cursor=${cursor}` : ""}`, { params: { id: String(scan.id) } }),
        scanDetail,
      );
      assert.equal(detail.id, scan.id);
      keys.push(...detail.targets.items.map((t) => t.targetKey));
      assert.ok(detail.targets.items.every((t) => t.status === "succeeded" && t.service !== null));
      cursor = detail.targets.nextCursor;
    } while (cursor);
    assert.equal(new Set(keys).size, FLEET_SERVICE_COUNT);
    assert.equal((await refused(await call(getScan, "/api/v1/scans/999999", { params: { id: "999999" } }), 404)).code, "not_found");
    assert.deepEqual(Object.keys((await refused(await call(getScan, "/api/v1/scans/x", { params: { id: "x" } }), 400)).fields ?? {}), [
      "id",
    ]);
    assert.equal((await ok(await call(listScans, "/api/v1/scans?status=failed"), scanList)).items.length, 0);

    const sources = await ok(await call(listSources, "/api/v1/sources"), sourceList);
    assert.deepEqual(
      sources.items.map((s) => [s.id, s.name, s.kind, s.services]),
      [[fleet.sourceId, "demo", "local", FLEET_SERVICE_COUNT]],
    );
    const source = await ok(
      await call(getSource, `/api/v1/sources/${fleet.sourceId}`, { params: { id: String(fleet.sourceId) } }),
      sourceSchema,
    );
    assert.equal(source.lastScan?.id, scan.id);
    assert.equal((await refused(await call(getSource, "/api/v1/sources/424242", { params: { id: "424242" } }), 404)).code, "not_found");
  });
});
