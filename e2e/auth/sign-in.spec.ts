import { test, expect, type Page } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { childEnv } from "@/lib/env";
import { nodeBin, ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { startOidcProvider } from "@/test/oidc/start-oidc-provider";
import { adminQuery, databaseUrlFor } from "@/test/support/test-database";
import { freePort } from "@/test/support/free-port";

// The web of this build with sign-in on, against the real OpenID Provider stand-in on 127.0.0.1 and its own
// database: people sign in through the browser, see who they are, and see only what their role may do.
test("[AUTH] signs in through the identity provider; a viewer sees no admin controls and gets 403; signs out", async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({ redirectUris: [`${base}/api/auth/callback`] });
  const database = `auth_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${database}`);
  const env = childEnv({
    DATABASE_URL: databaseUrlFor(database),
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    DOZEN_OIDC_ISSUER: provider.issuer,
    DOZEN_OIDC_CLIENT_ID: provider.clientId,
    DOZEN_OIDC_CLIENT_SECRET: provider.clientSecret,
    DOZEN_OIDC_SCOPES: "openid email profile groups",
    DOZEN_SESSION_SECRET: randomBytes(24).toString("base64"),
    DOZEN_ROLE_GROUPS: "admin=platform-admins;maintainer=eng-leads",
  });
  expect(spawnSync(process.execPath, tsxArgs("scripts/migrate.ts"), { cwd: ROOT, env }).status).toBe(0);
  const web = spawn(process.execPath, [nodeBin("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    stdio: "ignore",
    env,
  });
  try {
    await expect
      .poll(async () => (await page.request.get(`${base}/api/healthz`).catch(() => null))?.status() ?? 0, { timeout: 60_000 })
      .toBe(200);
    // Nobody signed in: the API says 401, a page sends the visitor to sign in.
    expect((await page.request.get(`${base}/api/v1/teams`)).status()).toBe(401);

    await signIn(page, base, "ada", "/sources");
    await expect(page.getByTestId("user-name")).toHaveText("Ada Admin");
    const added = await page.request.post(`${base}/api/v1/sources`, {
      data: { kind: "kubernetes", name: "cluster-here", schedule: null, config: { inCluster: true } },
    });
    expect(added.status()).toBe(201);
    const sourceId = ((await added.json()) as { id: number }).id;
    await page.goto(`${base}/sources`);
    await expect(page.getByRole("button", { name: "Scan now: cluster-here" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add a source" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get(`${base}/api/v1/teams`)).status()).toBe(401);
    // Another person at the browser: the provider's own sign-in cookie goes too.
    await page.context().clearCookies();

    await signIn(page, base, "vic", "/sources");
    await expect(page.getByTestId("user-name")).toHaveText("Vic Viewer");
    await expect(page.getByRole("heading", { name: /cluster-here/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Scan now/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Add a source" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Edit/ })).toHaveCount(0);
    expect((await page.request.post(`${base}/api/v1/scans`, { data: { sourceId } })).status()).toBe(403);
    expect((await page.request.get(`${base}/api/v1/teams`)).status()).toBe(200);
    // Admin-only settings say why instead of showing their forms.
    for (const [path, what] of [
      ["/settings/ownership", "Ownership rules"],
      ["/settings/tokens", "API tokens"],
    ] as const) {
      await page.goto(`${base}${path}`);
      await expect(page.getByRole("alert").filter({ hasText: `${what} are managed by admins.` })).toContainText("admin");
      await expect(page.getByRole("button", { name: /Add rule|Make token|Make team/ })).toHaveCount(0);
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`${base}/sources`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsources/);
  } finally {
    web.kill("SIGTERM");
    await provider.close();
    await adminQuery(`drop database if exists ${database} with (force)`);
  }
});

test("[AUTH] the web refuses HOST=0.0.0.0 without sign-in, naming the variables to set", () => {
  const run = spawnSync(process.execPath, [nodeBin("next/dist/bin/next"), "start", "--port", "3999", "--hostname", "0.0.0.0"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: childEnv({ HOST: "0.0.0.0", DOZEN_OIDC_ISSUER: undefined, NEXT_TELEMETRY_DISABLED: "1" }),
  });
  expect(run.status).toBe(1);
  for (const name of ["DOZEN_OIDC_ISSUER", "DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"])
    expect(`${run.stdout}${run.stderr}`).toContain(name);
});

async function signIn(page: Page, base: string, login: string, next: string) {
  await page.goto(`${base}${next}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(next)}`));
  await page.getByRole("link", { name: "Sign in with your company account" }).click();
  await page.getByLabel("Login").fill(login);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base}${next}`);
}
