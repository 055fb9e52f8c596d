import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, it } from "node:test";
import type { Principal } from "@/lib/auth/principal";
import { createSession } from "@/lib/auth/sessions/create-session";
import { ROOT } from "@/lib/ops/bin-path";
import { useTestDatabase } from "@/test/support/test-database";

// With sign-in on, every change the v1 API offers, found by walking app/api/v1 (so a new route is covered
// without a line here), refuses nobody with 401 and a viewer with 403, before reading the body or the id.
const SECRET = "roles-test-session-secret-of-32-chars+";
let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
  Object.assign(process.env, {
    DOZEN_OIDC_ISSUER: "http://127.0.0.1:9/never-asked",
    DOZEN_OIDC_CLIENT_ID: "dozen",
    DOZEN_OIDC_CLIENT_SECRET: "secret",
    DOZEN_SESSION_SECRET: SECRET,
  });
});
after(async () => {
  for (const k of ["DOZEN_OIDC_ISSUER", "DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"]) delete process.env[k];
  await database.drop();
});

type Handler = (request: Request, context: unknown) => Promise<Response>;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

async function mutations() {
  const found: { name: string; handle: Handler; path: string }[] = [];
  for (const file of routeFiles(path.join(ROOT, "app/api/v1"))) {
    const handlers = (await import(file)) as Record<string, Handler>;
    const urlPath = `/${path.relative(ROOT, path.dirname(file))}`.replace(/\[(\w+)\]/g, "1");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      if (handlers[method]) found.push({ name: `${method} ${urlPath}`, handle: handlers[method], path: urlPath });
  }
  return found;
}

async function cookieOf(user: { role: Principal["role"]; teams?: string[] }): Promise<string> {
  const { cookie } = await createSession({
    user: { subject: `s-${user.role}`, name: user.role, ...user },
    secret: SECRET,
    ttlMs: 3_600_000,
  });
  return `dozen_session=${cookie}`;
}

const call = (m: { handle: Handler; path: string; name: string }, headers: Record<string, string>) =>
  m.handle(
    new Request(`http://dozen.test${m.path}`, {
      method: m.name.split(" ")[0],
      headers: { "content-type": "application/json", ...headers },
      body: m.name.startsWith("DELETE") ? null : "{}",
    }),
    { params: Promise.resolve({ id: "1", slug: "x" }) },
  );

it("every v1 change answers 401 to nobody (no cookie, a forged one, a bad token) and 403 to a viewer", async () => {
  const routes = await mutations();
  assert.ok(routes.length >= 6, routes.map((r) => r.name).join(", "));
  const viewer = await cookieOf({ role: "viewer" });
  for (const route of routes) {
    for (const headers of [{}, { cookie: "dozen_session=made.up" }, { authorization: "Bearer dzn_nope" }] as Record<string, string>[]) {
      const response = await call(route, headers);
      assert.equal(response.status, 401, `${route.name} ${JSON.stringify(headers)}`);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, "unauthenticated");
    }
    const refused = await call(route, { cookie: viewer });
    assert.equal(refused.status, 403, route.name);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "forbidden");
  }
});

it("scan now needs a maintainer of every team; sources need an admin; reads need anyone signed in", async () => {
  const routes = await mutations();
  const scan = routes.find((r) => r.name === "POST /app/api/v1/scans")!;
  const source = routes.find((r) => r.name === "POST /app/api/v1/sources")!;
  const maintainer = await cookieOf({ role: "maintainer" });
  const teamLead = await cookieOf({ role: "maintainer", teams: ["payments"] });
  const admin = await cookieOf({ role: "admin" });
  assert.equal((await call(scan, { cookie: teamLead })).status, 403, "a team's maintainer: a source reaches every team");
  assert.equal((await call(scan, { cookie: maintainer })).status, 400, "allowed: then the empty body is refused");
  assert.equal((await call(source, { cookie: maintainer })).status, 403);
  assert.equal((await call(source, { cookie: admin })).status, 400, "allowed: then the empty body is refused");
  const { GET } = (await import("@/app/api/v1/teams/route")) as unknown as Record<string, Handler>;
  assert.equal((await GET!(new Request("http://dozen.test/api/v1/teams"), undefined)).status, 401);
  const viewer = await cookieOf({ role: "viewer" });
  assert.equal((await GET!(new Request("http://dozen.test/api/v1/teams", { headers: { cookie: viewer } }), undefined)).status, 200);
});

it("every server action in lib/actions checks the role before anything else", () => {
  const dir = path.join(ROOT, "lib/actions");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const text = readFileSync(path.join(dir, file), "utf8");
    if (!text.startsWith('"use server"') || file === "sign-out.ts") continue;
    for (const [, name, body] of text.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g))
      assert.match(body!, /requireActionRole\(/, `${file}: ${name} checks the role`);
  }
});
