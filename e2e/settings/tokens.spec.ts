import { test, expect } from "@playwright/test";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

const suffix = Date.now().toString(36);

test("[TOKENS] an admin makes a token, sees it once, uses it against the API, revokes it: then 401", async ({ page, request, context }) => {
  const name = `ci-${suffix}`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");

  // Refused as the admin command refuses it: the field says what is wrong, what was typed stays.
  await page.getByRole("button", { name: "Make token" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/a name, so people know what the token is for/);

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByLabel("Expires in").selectOption("30d");
  await page.getByRole("button", { name: "Make token" }).click();
  const shown = page.getByRole("status").filter({ hasText: "shown only this once" });
  await expect(shown).toContainText(name);
  const secret = await page.getByLabel("New API token").inputValue();
  expect(secret).toMatch(/^dzn_[A-Za-z0-9_-]{43}$/);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await saveScreenshot(page, "settings-tokens-made");
  await expectNoSeriousA11yViolations(page);

  // The list names it by its prefix; the secret itself is never on the page again.
  const row = page.getByTestId("token-row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("viewer");
  await expect(row).toContainText("never");
  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // Sent as a bearer token, it is what the request is judged by.
  const bearer = { authorization: `Bearer ${secret}` };
  const ok = await request.get("/api/v1/services", { headers: bearer });
  expect(ok.status()).toBe(200);
  expect(Array.isArray(((await ok.json()) as { items: unknown[] }).items)).toBe(true);
  const wrong = await request.get("/api/v1/services", { headers: { authorization: `Bearer ${secret.slice(0, -2)}xx` } });
  expect(wrong.status()).toBe(401);
  // A viewer reads; it cannot change anything.
  const write = await request.post("/api/v1/scans", { headers: bearer, data: { sourceId: 1 } });
  expect(write.status()).toBe(403);

  await page.reload();
  await expect(row).toContainText("from ");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const revoked = await request.get("/api/v1/services", { headers: bearer });
  expect(revoked.status()).toBe(401);
  expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
});
