import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GET as listInitiatives, POST as createInitiative } from "@/app/api/v1/initiatives/route";
import { DELETE as deleteInitiative, GET as getInitiative, PATCH as patchInitiative } from "@/app/api/v1/initiatives/[slug]/route";
import { GET as getProgress } from "@/app/api/v1/initiatives/[slug]/progress/route";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { initiativeList, initiativeProgress, initiativeSchema } from "@/lib/api/schemas/initiatives";
import { createSession } from "@/lib/auth/sessions/create-session";
import { db } from "@/lib/db";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
const at = (slug: string) => ({ params: Promise.resolve({ slug }) });
const send = (handler: Handler, method: string, path: string, body?: unknown, slug = "", headers: Record<string, string> = {}) =>
  handler(
    new Request(`http://dozen.test${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    at(slug),
  );

async function refused(response: Response, status: number) {
  assert.equal(response.status, status, await response.clone().text());
  return apiErrorBody.parse(await response.json()).error;
}

describe("/api/v1/initiatives", () => {
  const fleet = useScannedFleet();

  it("POST takes { name, owner, goal, scope, deadline } and answers 201 with its progress; GET lists and reads it", async () => {
    const team = ownerOf(fleet.services.find((s) => ownerOf(s))!)!;
    const response = await send(createInitiative as Handler, "POST", "/api/v1/initiatives", {
      name: "No service below C",
      owner: "Platform group",
      goal: { kind: "grade", min: "C" },
      scope: { teams: [team] },
      startsOn: "2026-01-01",
      deadline: "2026-02-01",
    });
    assert.equal(response.status, 201, await response.clone().text());
    const made = initiativeSchema.parse(await response.json());
    assert.equal(response.headers.get("location"), "/api/v1/initiatives/no-service-below-c");
    const ofTeam = fleet.services.filter((s) => ownerOf(s) === team && s.score !== null);
    const below = ofTeam.filter((s) => !["A", "B", "C"].includes(s.grade));
    assert.deepEqual([made.services, made.met, made.goalText], [ofTeam.length, ofTeam.length - below.length, "grade C or better"]);
    assert.equal(made.state, below.length ? "late" : "done");

    const list = initiativeList.parse(await (await send(listInitiatives as Handler, "GET", "/api/v1/initiatives")).json());
    assert.deepEqual(
      list.items.map((i) => i.slug),
      ["no-service-below-c"],
    );
    const one = initiativeSchema.parse(
      await (await send(getInitiative as Handler, "GET", "/api/v1/initiatives/x", undefined, made.slug)).json(),
    );
    assert.equal(one.name, "No service below C");

    const progress = initiativeProgress.parse(await (await send(getProgress as Handler, "GET", "/p", undefined, made.slug)).json());
    assert.deepEqual(progress.left.map((s) => s.name).sort(), below.map((s) => s.name).sort());
    assert.equal(progress.leftCount, below.length);
    assert.deepEqual(progress.late, below.length ? [team] : []);
    assert.equal(progress.history.length, 1);
  });

  it("PATCH changes the goal and closes it; DELETE removes it; each change is in the audit log", async () => {
    await send(createInitiative as Handler, "POST", "/api/v1/initiatives", {
      name: "Sigterm",
      owner: "SRE",
      goal: { kind: "check", checkId: "handlesSigterm" },
      deadline: "2027-06-30",
    });
    const changed = await send(
      patchInitiative as Handler,
      "PATCH",
      "/x",
      { goal: { kind: "factor", factor: "disposability", min: 50 }, deadline: "2027-07-31" },
      "sigterm",
    );
    assert.equal(changed.status, 200, await changed.clone().text());
    const body = initiativeSchema.parse(await changed.json());
    assert.deepEqual([body.goalText, body.deadline], ["Disposability (IX) ≥ 50", "2027-07-31"]);
    const closed = initiativeSchema.parse(
      await (await send(patchInitiative as Handler, "PATCH", "/x", { closed: true }, "sigterm")).json(),
    );
    assert.equal(closed.state, "closed");
    const open = initiativeList.parse(await (await send(listInitiatives as Handler, "GET", "/api/v1/initiatives")).json());
    assert.equal(
      open.items.some((i) => i.slug === "sigterm"),
      false,
      "a closed initiative leaves the open list",
    );
    const all = initiativeList.parse(await (await send(listInitiatives as Handler, "GET", "/api/v1/initiatives?state=closed")).json());
    assert.deepEqual(
      all.items.map((i) => i.slug),
      ["sigterm"],
    );

    assert.equal((await send(deleteInitiative as Handler, "DELETE", "/x", undefined, "sigterm")).status, 204);
    await refused(await send(getInitiative as Handler, "GET", "/x", undefined, "sigterm"), 404);
    const actions = await db().auditEvent.findMany({
      where: { targetKind: "initiative", targetId: "sigterm" },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    assert.deepEqual(
      actions.map((a) => a.action),
      ["initiative.create", "initiative.update", "initiative.close", "initiative.delete"],
    );
  });

  it("refuses bad input with 400 naming each field", async () => {
    const post = (body: unknown) => send(createInitiative as Handler, "POST", "/api/v1/initiatives", body);
    const base = { name: "x", owner: "y", goal: { kind: "score", min: 50 }, deadline: "2027-01-01" };
    let error = await refused(await post({ ...base, goal: { kind: "check", checkId: "handlesSigterms" } }), 400);
    assert.match(error.fields?.["goal.checkId"] ?? "", /not a check of the catalogue/);
    error = await refused(await post({ ...base, goal: { kind: "factor", factor: "disposability", min: 101 } }), 400);
    assert.equal(error.fields?.["goal.min"], "0 to 100");
    error = await refused(await post({ ...base, scope: { teams: ["no-such-team"] } }), 400);
    assert.equal(error.fields?.["scope.teams"], 'no team "no-such-team"');
    error = await refused(await post({ ...base, startsOn: "2027-02-01" }), 400);
    assert.equal(error.fields?.deadline, "on or after the start date");
    error = await refused(await post({ ...base, deadline: "next week", tier: 1 }), 400);
    assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ["deadline", "tier"]);
    await refused(await send(patchInitiative as Handler, "PATCH", "/x", { name: "" }, "nope"), 400);
    await refused(await send(patchInitiative as Handler, "PATCH", "/x", { name: "z" }, "nope"), 404);
  });

  it("with sign-in, only an admin may start, change or delete one; anyone signed in reads", async () => {
    const secret = "initiatives-test-session-secret-32+chars";
    Object.assign(process.env, {
      DOZEN_OIDC_ISSUER: "http://127.0.0.1:9/never-asked",
      DOZEN_OIDC_CLIENT_ID: "dozen",
      DOZEN_OIDC_CLIENT_SECRET: "secret",
      DOZEN_SESSION_SECRET: secret,
    });
    try {
      const cookie = async (role: "viewer" | "maintainer" | "admin") =>
        `dozen_session=${(await createSession({ user: { subject: `s-${role}`, name: role, role }, secret, ttlMs: 3_600_000 })).cookie}`;
      const body = { name: "Roles", owner: "x", goal: { kind: "score", min: 50 }, deadline: "2027-01-01" };
      const maintainer = { cookie: await cookie("maintainer") };
      await refused(await send(createInitiative as Handler, "POST", "/api/v1/initiatives", body, "", maintainer), 403);
      const made = await send(createInitiative as Handler, "POST", "/api/v1/initiatives", body, "", { cookie: await cookie("admin") });
      assert.equal(made.status, 201);
      await refused(await send(patchInitiative as Handler, "PATCH", "/x", { closed: true }, "roles", maintainer), 403);
      await refused(await send(deleteInitiative as Handler, "DELETE", "/x", undefined, "roles", maintainer), 403);
      const read = await send(getProgress as Handler, "GET", "/x", undefined, "roles", { cookie: await cookie("viewer") });
      assert.equal(read.status, 200);
    } finally {
      for (const k of ["DOZEN_OIDC_ISSUER", "DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"])
        delete process.env[k];
    }
  });
});
