import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { GET as callbackRoute } from "@/app/api/auth/callback/route";
import { GET as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { SIGN_IN_ATTEMPT_LIMIT } from "@/lib/auth/oidc/sign-in-rate-limit";
import { resolvePrincipal } from "@/lib/auth/resolve-principal";
import { db } from "@/lib/db";
import { loginAtProvider, startOidcProvider, TEST_ROLE_GROUPS, type TestOidcProvider } from "@/test/oidc/start-oidc-provider";
import { useTestDatabase } from "@/test/support/test-database";

const BASE = "http://dozen.test";
const REDIRECT_URI = `${BASE}/api/auth/callback`;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let provider: TestOidcProvider;

before(async () => {
  database = await useTestDatabase();
  provider = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
  Object.assign(process.env, {
    DOZEN_OIDC_ISSUER: provider.issuer,
    DOZEN_OIDC_CLIENT_ID: provider.clientId,
    DOZEN_OIDC_CLIENT_SECRET: provider.clientSecret,
    DOZEN_OIDC_SCOPES: "openid email profile groups",
    DOZEN_SESSION_SECRET: "a-test-session-secret-of-32-chars-or-more",
    DOZEN_ROLE_GROUPS: TEST_ROLE_GROUPS,
  });
});
after(async () => {
  await provider.close();
  await database.drop();
});

const setCookies = (response: Response) => new Map(response.headers.getSetCookie().map((c) => [c.split("=")[0]!, c]));
const valueOf = (setCookie: string | undefined) => setCookie?.split(";")[0]!.split("=").slice(1).join("=") ?? "";

/** Signs `login` in as a browser would, through Dozen's routes and the provider; answers the callback's response. */
async function signIn(login: string, next = "/teams") {
  const start = await signInRoute(new Request(`${BASE}/api/auth/sign-in?next=${encodeURIComponent(next)}`));
  assert.equal(start.status, 303);
  const signInCookie = setCookies(start).get("dozen_sign_in");
  assert.match(signInCookie ?? "", /HttpOnly; SameSite=Lax/);
  const authorizationUrl = start.headers.get("location")!;
  assert.ok(authorizationUrl.startsWith(provider.issuer), authorizationUrl);
  assert.equal(new URL(authorizationUrl).searchParams.get("code_challenge_method"), "S256");
  const back = await loginAtProvider({ authorizationUrl, login, redirectUri: REDIRECT_URI });
  const done = await callbackRoute(new Request(back, { headers: { cookie: `dozen_sign_in=${valueOf(signInCookie)}` } }));
  return { done, back, signInCookie: valueOf(signInCookie) };
}

it("signs a user in through the OpenID Provider: a session in PostgreSQL, a signed HttpOnly cookie, the page asked for", async () => {
  const { done } = await signIn("ada", "/teams/payments");
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), `${BASE}/teams/payments`);
  const session = setCookies(done).get("dozen_session");
  assert.match(session ?? "", /^dozen_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
  const principal = await resolvePrincipal({ headers: new Headers({ cookie: `dozen_session=${valueOf(session)}` }) });
  assert.deepEqual(principal, { kind: "user", id: "ada", name: "Ada Admin", role: "admin" });
  const stored = await db().session.findFirstOrThrow({ where: { subject: "ada" } });
  assert.equal(stored.email, "ada@acme.test");
  assert.ok(!valueOf(session).includes(stored.id), "the table holds the id's hash, not the id");
});

it("gives each user the role their groups map to: maintainer, maintainer of named teams, viewer by default", async () => {
  const roleOf = async (login: string) => {
    const session = valueOf(setCookies((await signIn(login)).done).get("dozen_session"));
    return resolvePrincipal({ headers: new Headers({ cookie: `dozen_session=${session}` }) });
  };
  assert.deepEqual(await roleOf("max"), { kind: "user", id: "max", name: "Max Maintainer", role: "maintainer" });
  assert.deepEqual(await roleOf("tea"), { kind: "user", id: "tea", name: "Tea Teamlead", role: "maintainer", teams: ["payments"] });
  assert.deepEqual(await roleOf("vic"), { kind: "user", id: "vic", name: "Vic Viewer", role: "viewer" });
});

it("refuses a callback whose state, sign-in cookie or code was not this sign-in's, and a code used twice", async () => {
  const { back, signInCookie } = await signIn("vic");
  const replay = await callbackRoute(new Request(back, { headers: { cookie: `dozen_sign_in=${signInCookie}` } }));
  assert.equal(replay.headers.get("location"), `${BASE}/sign-in?error=refused`, "a code is good once");
  assert.equal(setCookies(replay).has("dozen_session"), false);

  const other = await signInRoute(new Request(`${BASE}/api/auth/sign-in`));
  const forged = new URL(back);
  const noCookie = await callbackRoute(new Request(forged));
  assert.equal(noCookie.headers.get("location"), `${BASE}/sign-in?error=refused`, "no sign-in cookie: not started here");
  const wrongState = await callbackRoute(
    new Request(forged, { headers: { cookie: `dozen_sign_in=${valueOf(setCookies(other).get("dozen_sign_in"))}` } }),
  );
  assert.equal(wrongState.headers.get("location"), `${BASE}/sign-in?error=refused`, "another sign-in's state");
  const tampered = await callbackRoute(new Request(forged, { headers: { cookie: `dozen_sign_in=x${signInCookie}` } }));
  assert.equal(tampered.headers.get("location"), `${BASE}/sign-in?error=refused`);
});

it("signs out: the session row is deleted, so even a kept copy of the cookie signs nobody in", async () => {
  const session = valueOf(setCookies((await signIn("max")).done).get("dozen_session"));
  const headers = new Headers({ cookie: `dozen_session=${session}` });
  assert.equal((await resolvePrincipal({ headers }))?.name, "Max Maintainer");
  const out = await signOutRoute(new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers }));
  assert.equal(out.status, 303);
  assert.match(setCookies(out).get("dozen_session") ?? "", /Max-Age=0/);
  assert.equal(await resolvePrincipal({ headers }), null);
});

it("an open redirect is not possible through next=", async () => {
  for (const next of ["//evil.test/x", "https://evil.test/", "/\\evil.test"]) {
    const start = await signInRoute(new Request(`${BASE}/api/auth/sign-in?next=${encodeURIComponent(next)}`));
    const back = await loginAtProvider({ authorizationUrl: start.headers.get("location")!, login: "vic", redirectUri: REDIRECT_URI });
    const cookie = valueOf(setCookies(start).get("dozen_sign_in"));
    const done = await callbackRoute(new Request(back, { headers: { cookie: `dozen_sign_in=${cookie}` } }));
    assert.equal(done.headers.get("location"), `${BASE}/`, next);
  }
});

it("a request with a bearer header is judged by the token alone, never by a cookie beside it", async () => {
  const session = valueOf(setCookies((await signIn("ada")).done).get("dozen_session"));
  for (const authorization of ["Bearer dzn_not-a-real-token", "Basic YWRhOnB3", "Bearer"])
    assert.equal(
      await resolvePrincipal({ headers: new Headers({ authorization, cookie: `dozen_session=${session}` }) }),
      null,
      authorization,
    );
});

it("an address that starts sign-in too often is answered 429 with Retry-After; another address still signs in", async () => {
  const from = (address: string) => new Request(`${BASE}/api/auth/sign-in?next=/`, { headers: { "x-forwarded-for": address } });
  for (let i = 0; i < SIGN_IN_ATTEMPT_LIMIT; i++) assert.equal((await signInRoute(from("203.0.113.9"))).status, 303);
  const limited = await signInRoute(from("203.0.113.9"));
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get("retry-after")) > 0);
  assert.equal(limited.headers.get("location"), null, "the provider is not asked");
  assert.equal((await signInRoute(from("198.51.100.7"))).status, 303);
});
