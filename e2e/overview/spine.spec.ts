import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test("[OVERVIEW] lists every demo service with a score, worst first", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
  const rows = page.getByTestId("service-row");
  await expect(rows).not.toHaveCount(0);
  expect(await rows.count()).toBeGreaterThanOrEqual(8);
  const scores = (await page.getByTestId("service-score").allInnerTexts()).map(Number);
  expect(scores.every((s) => Number.isFinite(s) && s >= 0 && s <= 100)).toBe(true);
  expect(scores).toEqual([...scores].sort((a, b) => a - b));
  await saveScreenshot(page, "overview");
  await expectNoSeriousA11yViolations(page);
});

test("[SERVICE] a failing check shows its evidence and remediation guide", async ({ page }) => {
  await page.goto("/");
  // The worst service is first: it must have failing checks.
  await page.getByTestId("service-row").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Findings" })).toBeVisible();
  const failing = page.locator('[data-testid="finding"][data-outcome="fail"]');
  await expect(failing.first()).toBeVisible();
  const location = failing.first().getByTestId("evidence-location").first();
  await expect(location).toHaveText(/^[\w./-]+:\d+(-\d+)?$/);
  await failing.first().getByText("How to fix").click();
  const guide = failing.first().locator(".guide");
  await expect(guide).toContainText(/\w+/);
  // The before/after code is highlighted: tokens coloured by the theme, not one grey block.
  const token = guide.locator('pre code[class*="language-"] span[class^="hljs-"]').first();
  await expect(token).toBeVisible();
  expect(await token.evaluate((el) => getComputedStyle(el).color)).not.toBe(
    await guide
      .locator("pre")
      .first()
      .evaluate((el) => getComputedStyle(el).color),
  );
  await saveScreenshot(page, "service");
  await expectNoSeriousA11yViolations(page);
});

test("[OPS] health and readiness answer", async ({ request }) => {
  expect((await request.get("/api/healthz")).status()).toBe(200);
  const ready = await request.get("/api/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ready: true, database: "ok", migrations: "ok" });
});

test("[OVERVIEW] the services table exports as CSV with one row per service", async ({ page }) => {
  await page.goto("/");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^service,team,source,path,kind,tier,score,grade,codebase,dependencies,config,/);
  expect(lines.length - 1).toBe(await page.getByTestId("service-row").count());
  // payments-api is the fleet's exemplary service: grade A (its exact score is asserted by the fleet's expected findings).
  expect(lines.some((l) => /^payments-api,team-payments,demo-fleet,payments-api,http,1,(100|9\d(\.\d)?),A,/.test(l))).toBe(true);
});

test("[OVERVIEW] the grade distribution accounts for every service and links the most failed factors", async ({ page }) => {
  await page.goto("/");
  const counts = (await page.getByTestId("grade-distribution").locator("li").allInnerTexts()).map((t) =>
    Number(t.trim().split(/\s+/).pop()),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(await page.getByTestId("service-row").count());
  const failed = page.getByRole("region", { name: "Most failed factors" }).getByRole("link");
  await expect(failed.first()).toHaveAttribute("href", /^\/factors\/[a-z-]+$/);
});
